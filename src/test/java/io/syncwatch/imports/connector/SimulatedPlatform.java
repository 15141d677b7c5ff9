package io.syncwatch.imports.connector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.BiFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A source platform on WireMock: every request that no explicit stub answers goes to the
 * platform's API (a connector's test supplies it) over a {@link SimulatedSource}. Used by
 * {@link ConnectorContractTest}, and by end-to-end tests that import through the pipeline.
 */
public final class SimulatedPlatform implements ResponseDefinitionTransformerV2 {

    static final String NAME = "simulated-platform";

    private final BiFunction<Request, SimulatedSource, ResponseDefinitionBuilder> api;
    private volatile SimulatedSource source = new SimulatedSource();

    public SimulatedPlatform(BiFunction<Request, SimulatedSource, ResponseDefinitionBuilder> api) {
        this.api = api;
    }

    /** Starts a WireMock server on a free loopback port answering as this platform (warmed up: its first answer is slow). */
    public WireMockServer startServer() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(this));
        server.start();
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/warm-up"))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("WireMock did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        answerEverything(server);
        return server;
    }

    /** (Again, after a reset:) every request no explicit stub answers goes to the platform. */
    public static void answerEverything(WireMockServer server) {
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(NAME)));
    }

    /** The conversations the platform serves from now on. */
    public void serve(SimulatedSource source) {
        this.source = source;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        SimulatedSource now = source;
        var interruption = now.served();
        try {
            ResponseDefinitionBuilder answer = api.apply(serveEvent.getRequest(), now);
            return (interruption == null ? answer : interruption.apply(answer)).build();
        } catch (RuntimeException e) {
            now.problem(serveEvent.getRequest().getUrl() + ": " + e);
            return aResponse().withStatus(418).withBody(String.valueOf(e)).build();
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}

package io.syncwatch.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16.2: every address form of the issue, and its neighbours, with its verdict at
 * registration ({@link WebhookUrlPolicy#check}). The sender runs the same check from its DNS hook
 * at connect time ({@code ApacheHttpWebhookTransportTest}). No DNS is used: IP literals are parsed
 * and the few names resolve through a fixed table.
 */
class WebhookSsrfTableTest {

    /** Names a hostile DNS could answer with an embedded private address. */
    static final Map<String, String> DNS = Map.of(
            "nat64.example.test", "64:ff9b::7f00:1",
            "compat.example.test", "::a9fe:a9fe",
            "sixtofour.example.test", "2002:a00:1::1",
            "teredo.example.test", "2001:0:4136:e378:8000:63bf:80ff:fffe",
            "mapped.example.test", "::ffff:192.168.0.1",
            "public.example.test", "93.184.216.34",
            "public6.example.test", "2606:4700:4700::1111");

    static final WebhookUrlPolicy POLICY = new WebhookUrlPolicy(false, host -> {
        String answer = DNS.get(host);
        if (answer != null) {
            return List.of(InetAddress.getByName(answer));
        }
        if (host.contains(":") || TargetAddress.isDottedDecimal(host)) {
            return List.of(InetAddress.getByName(host)); // a literal: parsed, never looked up
        }
        throw new UnknownHostException(host);
    });

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # the four forms the issue found accepted
            https://[::127.0.0.1]/x                         | refused | 127.0.0.1
            https://[::a9fe:a9fe]/x                         | refused | 169.254.169.254
            https://[64:ff9b::a9fe:a9fe]/x                  | refused | 169.254.169.254
            https://0177.0.0.1/x                            | refused | 127.0.0.1
            # forms the issue found refused, still refused
            https://[::ffff:127.0.0.1]/x                    | refused | 127.0.0.1
            https://2130706433/x                            | refused | 127.0.0.1
            https://0.0.0.0/x                               | refused | 0.0.0.0
            https://[::]/x                                  | refused | private
            https://[::1]/x                                 | refused | private
            https://[fe80::1]/x                             | refused | fe80
            https://[fd00::1]/x                             | refused | fd00
            https://100.64.0.1/x                            | refused | 100.64.0.1
            https://10.0.0.1/x                              | refused | 10.0.0.1
            https://172.16.0.1/x                            | refused | 172.16.0.1
            https://192.168.1.1/x                           | refused | 192.168.1.1
            https://169.254.169.254/x                       | refused | 169.254.169.254
            https://user:secret@public.example.test/x       | refused | Credentials
            # IPv4-compatible, NAT64, 6to4 and Teredo
            https://[::10.0.0.1]/x                          | refused | 10.0.0.1
            https://[64:ff9b::10.1.2.3]/x                   | refused | 10.1.2.3
            https://[64:ff9b:1::a9fe:a9fe]/x                | refused | private
            https://[2002:7f00:1::1]/x                      | refused | 127.0.0.1
            https://[2002:a9fe:a9fe::]/x                    | refused | 169.254.169.254
            https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x | refused | 127.0.0.1
            https://[2001:0:a00:1:8000:63bf:f7f7:f7f7]/x    | refused | 10.0.0.1
            # octal, hex and short dotted IPv4
            https://0x7f.0.0.1/x                            | refused | 127.0.0.1
            https://0x7f000001/x                            | refused | 127.0.0.1
            https://017700000001/x                          | refused | 127.0.0.1
            https://127.1/x                                 | refused | 127.0.0.1
            https://127.0.1/x                               | refused | 127.0.0.1
            https://10.1/x                                  | refused | 10.0.0.1
            https://012.0.0.1/x                             | refused | 10.0.0.1
            https://0251.0376.0251.0376/x                   | refused | 169.254.169.254
            https://0xa9.0xfe.0xa9.0xfe/x                   | refused | 169.254.169.254
            https://0x7f.1:8443/x                           | refused | 127.0.0.1
            # a public address in an ambiguous spelling: refused, clients read it differently
            https://0x08.0x08.0x08.0x08/x                   | refused | 8.8.8.8
            https://010.8.8.8/x                             | refused | 8.8.8.8
            https://134744072/x                             | refused | 8.8.8.8
            # names whose DNS answer embeds a private address
            https://nat64.example.test/x                    | refused | 127.0.0.1
            https://compat.example.test/x                   | refused | 169.254.169.254
            https://sixtofour.example.test/x                | refused | 10.0.0.1
            https://teredo.example.test/x                   | refused | 127.0.0.1
            https://mapped.example.test/x                   | refused | 192.168.0.1
            # public targets in every form: accepted
            https://8.8.8.8/x                               | accepted |
            https://[64:ff9b::808:808]/x                    | accepted |
            https://[2002:808:808::1]/x                     | accepted |
            https://[2606:4700:4700::1111]/x                | accepted |
            https://public.example.test/x                   | accepted |
            https://public6.example.test/x                  | accepted |
            """)
    void everyFormHasItsVerdict(String url, String verdict, String reason) {
        if (verdict.equals("accepted")) {
            assertThat(POLICY.check(url).toString()).isEqualTo(url);
        } else {
            assertThatThrownBy(() -> POLICY.check(url)).as(url).isInstanceOf(InvalidWebhookUrl.class)
                    .hasMessageContaining(reason);
        }
    }
}

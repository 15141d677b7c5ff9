package io.syncwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A one-off operator command on the command line ({@code java -jar syncwatch.jar bootstrap-admin
 * --email you@example.com}): the application then starts with no scheduling (this instance runs no
 * job) and on a random port (so it can run next to a live instance), runs the command and exits.
 * {@code --name value} is read as {@code --name=value}, as operators write it.
 */
record OperatorCommand(boolean given, String[] arguments) {

    static final Set<String> COMMANDS = Set.of("bootstrap-admin");

    static OperatorCommand of(String[] args) {
        boolean given = List.of(args).stream().anyMatch(COMMANDS::contains);
        if (!given) {
            return new OperatorCommand(false, args);
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && !arg.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("--")
                    && !COMMANDS.contains(args[i + 1])) {
                arguments.add(arg + "=" + args[++i]);
            } else {
                arguments.add(arg);
            }
        }
        arguments.addAll(List.of("--syncwatch.scheduling.enabled=false", "--syncwatch.imports.scheduler.enabled=false",
                "--syncwatch.alerts.scheduling.enabled=false", "--server.port=0", "--spring.main.banner-mode=off"));
        return new OperatorCommand(true, arguments.toArray(String[]::new));
    }
}

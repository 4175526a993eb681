package dev.singletable.launch;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.WarmAwsCli;
import java.io.File;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code scripts/aws-cli-smoke.sh}, where the AWS CLI is installed. */
final class AwsCli {

    private AwsCli() {}

    static boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "aws").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Starts the script against {@code endpoint}; the caller awaits its exit. */
    static ChildProcess smokeTest(URI endpoint, Optional<WarmAwsCli> warm) {
        return script("aws-cli-smoke", "scripts/aws-cli-smoke.sh", endpoint, warm);
    }

    /**
     * Starts {@code bash <script> <endpoint>}. With a {@link WarmAwsCli}, each {@code aws} the script runs is the CLI
     * forked warm (its own code, arguments and environment; a tenth of a cold start's 1.2 s of CPU, which made these
     * scripts most of their test's time), otherwise the installed one.
     */
    static ChildProcess script(String name, String script, URI endpoint, Optional<WarmAwsCli> warm) {
        ChildProcess.Builder builder = ChildProcess.command(name, List.of("bash", script, endpoint.toString()))
                .environment("AWS_PAGER", "");
        warm.ifPresent(cli -> builder.environment(cli.scriptEnvironment()));
        return builder.start();
    }
}

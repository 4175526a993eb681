package dev.singletable.launch;

import dev.singletable.process.ChildProcess;
import java.io.File;
import java.net.URI;
import java.util.List;

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
    static ChildProcess smokeTest(URI endpoint) {
        return ChildProcess.command("aws-cli-smoke", List.of("bash", "scripts/aws-cli-smoke.sh", endpoint.toString()))
                .environment("AWS_PAGER", "")
                .start();
    }
}

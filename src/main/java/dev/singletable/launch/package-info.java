/**
 * How the jar is started: the command line (the service, or {@code --engine-only} with DynamoDB Local's flags,
 * {@code --help}, {@code --version}) and the standalone engine's life as a process (it serves until told to stop,
 * stops cleanly on SIGTERM or Ctrl-C, and fails to start with one line that names the setting to change).
 */
@NullMarked
@ApplicationModule(
        displayName = "Launch",
        allowedDependencies = {"table"})
package dev.singletable.launch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

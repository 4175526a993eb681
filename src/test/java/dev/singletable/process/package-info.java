/**
 * Tests that meet the application as people do, as a process: {@link dev.singletable.process.ChildProcess} starts a
 * command with its output captured to files and stops it by PID; {@link dev.singletable.process.SingletableJar} starts
 * the packaged jar and reads the endpoints it logs; {@link dev.singletable.process.DynamoDbClients} talks to an
 * engine's port with the AWS SDK over HTTP. Children bind to loopback and ephemeral ports only.
 */
package dev.singletable.process;

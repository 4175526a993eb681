"""The AWS CLI, started once for a test run: a documented `aws ...` command runs the CLI's own code, unchanged.

Starting the AWS CLI (v1, Python) costs about 1.2 s of CPU per command, almost all of it importing modules and
parsing the service's JSON models; a course page runs dozens of commands. This server imports the CLI and parses
the models of the services named on its command line once, then forks a child per command: the child takes the
caller's stdin, stdout and stderr (passed over the Unix socket), its working directory, environment and arguments,
runs `awscli.clidriver` exactly as the `aws` script does, and answers the exit status. Used by WarmAwsCli.java.

usage: python3 warm-aws-server.py SOCKET_PATH SERVICE...
"""
import json
import os
import signal
import socket
import struct
import sys
import traceback

from awscli.clidriver import create_clidriver

socket_path = sys.argv[1]
driver = create_clidriver()
for service in sys.argv[2:]:
    # parses the service's model, endpoint rules, retry and paginator data; resolves no credentials and no region
    driver.session.create_client(service, region_name="us-east-1", aws_access_key_id="warm-up",
                                 aws_secret_access_key="warm-up")
    driver._get_command_table()[service]._get_command_table()
driver._get_argument_table()
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the children
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(socket_path)
listener.listen(16)
print("READY", flush=True)


def run(connection, fds, payload):
    status = 255
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
            os.close(fd)
        request = json.loads(payload)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.argv = ["aws"] + request["argv"]
        # the warm-up read the config and credentials files of the server's environment; this command's environment
        # may name others (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE), and an earlier `aws configure set` may have
        # added a profile since: read them again, as a fresh `aws` would
        botocore_session = driver.session
        botocore_session._config = None
        botocore_session._profile_map = None
        botocore_session._credentials = None
        status = driver.main(request["argv"])
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        connection.sendall(struct.pack(">i", status or 0))
        os._exit(status or 0)


while True:
    connection, _ = listener.accept()
    header, fds, _, _ = socket.recv_fds(connection, 4, 3)
    (length,) = struct.unpack(">I", header)
    payload = b""
    while len(payload) < length:
        payload += connection.recv(length - len(payload))
    if os.fork() == 0:
        listener.close()
        run(connection, fds, payload)
    for fd in fds:
        os.close(fd)
    connection.close()

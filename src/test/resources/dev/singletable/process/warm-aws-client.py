"""`aws` for a test's shell: hands this command (arguments, environment, directory, stdin/stdout/stderr) to
warm-aws-server.py and exits with the CLI's status. Run with `python3 -S`: it imports nothing beyond the standard
library's core."""
import json
import os
import socket
import struct
import sys

payload = json.dumps({"argv": sys.argv[1:], "env": dict(os.environ), "cwd": os.getcwd()}).encode()
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.connect(os.environ["WARM_AWS_SOCKET"])
socket.send_fds(server, [struct.pack(">I", len(payload))], [0, 1, 2])
server.sendall(payload)
answer = b""
while len(answer) < 4:
    chunk = server.recv(4 - len(answer))
    if not chunk:
        sys.exit(255)
    answer += chunk
sys.exit(struct.unpack(">i", answer)[0])

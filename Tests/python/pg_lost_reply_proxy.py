"""A TCP proxy in front of PostgreSQL that loses one answer after the database committed it.

Usage: pg_lost_reply_proxy.py TARGET_PORT MARKER

Prints "127.0.0.1:PORT" (where it listens) on its first line, then forwards every connection to
127.0.0.1:TARGET_PORT. When a client sends a message containing MARKER (text of the SQL, e.g. the
start of a statement), the server's reply on that connection is held back until its ReadyForQuery
message, which PostgreSQL sends once the statement's implicit transaction has committed. If the
reply carries rows (the statement changed something), the connection is then cut without
forwarding any of it: the client sees the connection drop although its statement took effect.
A reply without rows is forwarded and the proxy waits for the next one. Only one reply is lost.
Commands on stdin: "cuts" answers how many replies were lost so far. Exits when stdin closes.
"""
import asyncio
import sys
import threading

TARGET_PORT = int(sys.argv[1])
MARKER = sys.argv[2].encode()
READY_FOR_QUERY = b"Z\x00\x00\x00\x05"
state = {"cuts": 0}


def message_types(data):
    """The type bytes of the complete backend messages at the start of `data`."""
    types, i = [], 0
    while i + 5 <= len(data):
        length = int.from_bytes(data[i + 1:i + 5], "big")
        if i + 1 + length > len(data):
            break
        types.append(data[i:i + 1])
        i += 1 + length
    return types


async def pump_to_server(reader, writer, connection):
    while data := await reader.read(65536):
        if state["cuts"] == 0 and MARKER in data:
            connection["armed"] = True
        writer.write(data)
        await writer.drain()
    writer.close()


async def pump_to_client(reader, writer, connection, server_writer):
    held = b""
    while data := await reader.read(65536):
        if not connection["armed"]:
            writer.write(data)
            await writer.drain()
            continue
        held += data
        types = message_types(held)
        if b"Z" not in types:
            continue
        connection["armed"] = False
        if b"D" in types and state["cuts"] == 0:
            state["cuts"] += 1
            writer.transport.abort()
            server_writer.close()
            return
        writer.write(held)
        held = b""
        await writer.drain()
    writer.close()


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection("127.0.0.1", TARGET_PORT)
    except OSError:
        client_writer.transport.abort()
        return
    connection = {"armed": False}
    try:
        await asyncio.gather(
            pump_to_server(client_reader, server_writer, connection),
            pump_to_client(server_reader, client_writer, connection, server_writer),
        )
    except (ConnectionError, OSError):
        pass
    finally:
        client_writer.transport.abort()
        server_writer.transport.abort()


def read_commands(loop, done):
    for line in sys.stdin:
        if line.strip() == "cuts":
            print(state["cuts"], flush=True)
    loop.call_soon_threadsafe(done.set)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print("127.0.0.1:%d" % server.sockets[0].getsockname()[1], flush=True)
    done = asyncio.Event()
    threading.Thread(target=read_commands, args=(asyncio.get_running_loop(), done), daemon=True).start()
    await done.wait()
    server.close()


asyncio.run(main())

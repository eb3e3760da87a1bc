import Foundation

extension SKMProcess {
    /// Runs `skm entry` (with `arguments`) in a real pseudo-terminal and writes `chunks` to it, each in one write (as a
    /// terminal sends a key's whole escape sequence) followed by `pause` seconds, so a lone Esc is
    /// seen alone. A skm still waiting for keys after the last chunk is killed: exit 99, the screen
    /// with " [skm did not finish]" — the test fails instead of hanging.
    func terminal(_ chunks: [String], arguments: [String] = [], pause: Double = 0.25) throws -> SKMProcess.Output {
        let script = """
            import json, os, pty, select, sys, time
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], [sys.argv[1], "entry"] + json.loads(sys.argv[4]))
            out = b""
            def drain(seconds):
                global out
                end = time.time() + seconds
                while time.time() < end:
                    try:
                        r, _, _ = select.select([fd], [], [], 0.05)
                        if r:
                            out += os.read(fd, 65536)
                    except OSError:
                        return
            drain(1.0)
            for chunk in json.loads(sys.argv[2]):
                os.write(fd, chunk.encode())
                drain(float(sys.argv[3]))
            drain(1.0)
            for _ in range(50):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                drain(0.1)
                time.sleep(0.1)
            else:
                # skm still waits for keys (a key was eaten): end it so the test fails, not hangs.
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                sys.stdout.write(out.decode("utf-8", "replace") + " [skm did not finish]")
                sys.exit(99)
            sys.stdout.write(out.decode("utf-8", "replace"))
            sys.exit(os.WEXITSTATUS(status))
            """
        let path = try write("terminal_keys.py", script)
        let data = try JSONSerialization.data(withJSONObject: chunks)
        let extra = try JSONSerialization.data(withJSONObject: arguments)
        return try run(
            [
                "__python__", path, SKMProcess.binary, String(decoding: data, as: UTF8.self), String(pause),
                String(decoding: extra, as: UTF8.self),
            ], input: "",
            environment: [:],
            python: true)
    }
}

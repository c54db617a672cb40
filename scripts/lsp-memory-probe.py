#!/usr/bin/env python3
"""Drives a real Stowage language server process over stdio and measures its memory on one document.

Used by scripts/bench-lsp-memory.sh (which builds the jar and the document); prints one result block.
  lsp-memory-probe.py <server command...> -- <document.java> <analysis classpath>
Peak RSS is the kernel's VmHWM of the java process; heap figures come from the server's GC log
(-Xlog:gc, written to $STOWAGE_PROBE_GC_LOG by the caller).
"""
import json, os, re, subprocess, sys, threading, time

def main():
    sep = sys.argv.index("--")
    command, (doc, classpath) = sys.argv[1:sep], sys.argv[sep + 1:]
    text = open(doc, encoding="utf-8").read()
    root = os.path.dirname(os.path.abspath(doc))
    uri = "file://" + os.path.abspath(doc)
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.environ.get("STOWAGE_PROBE_SERVER_LOG", os.devnull), "w"))
    messages, lock = [], threading.Condition()

    def reader():
        out = proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = json.loads(out.read(length))
            with lock:
                messages.append(body)
                lock.notify_all()
    threading.Thread(target=reader, daemon=True).start()

    def send(obj):
        data = json.dumps(obj).encode("utf-8")
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        proc.stdin.flush()

    def wait_for(pred, timeout):
        end = time.time() + timeout
        with lock:
            while True:
                for m in messages:
                    if pred(m):
                        return m
                left = end - time.time()
                if left <= 0:
                    return None
                lock.wait(left)

    java_pid = [None]
    peak_rss = [0]
    stop = threading.Event()

    def sampler():
        # the launcher execs java, so the child is the JVM
        while not stop.is_set():
            try:
                with open("/proc/%d/status" % proc.pid) as f:
                    for l in f:
                        if l.startswith("VmRSS:"):
                            peak_rss[0] = max(peak_rss[0], int(l.split()[1]))
            except OSError:
                return
            time.sleep(0.05)
    threading.Thread(target=sampler, daemon=True).start()

    def status(field):
        with open("/proc/%d/status" % proc.pid) as f:
            for l in f:
                if l.startswith(field + ":"):
                    return int(l.split()[1])
        return 0

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": os.getpid(), "rootUri": "file://" + root, "capabilities": {},
        "initializationOptions": {"stowage": {"classpath": classpath.split(":")}}}})
    assert wait_for(lambda m: m.get("id") == 1, 60), "no initialize answer"
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    time.sleep(1)
    rss_idle = status("VmRSS")
    start = time.time()
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "java", "version": 1, "text": text}}})
    pub = wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, 600)
    elapsed = time.time() - start
    # Alive afterwards: a hover is answered.
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {
        "textDocument": {"uri": uri}, "position": {"line": 20, "character": 14}}})
    hover = wait_for(lambda m: m.get("id") == 2, 120)
    hwm = status("VmHWM")
    stop.set()
    messages_shown = [m["params"]["message"] for m in messages if m.get("method") == "window/showMessage"]
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})
    wait_for(lambda m: m.get("id") == 3, 30)
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(30)

    heap_before_gc, heap_committed = 0, 0
    gc_log = os.environ.get("STOWAGE_PROBE_GC_LOG")
    if gc_log and os.path.exists(gc_log):
        for l in open(gc_log):
            m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", l)
            if m:
                heap_before_gc = max(heap_before_gc, int(m.group(1)))
                heap_committed = max(heap_committed, int(m.group(3)))
    diags = pub["params"]["diagnostics"] if pub else None
    print("document: %s (%d chars, %d lines)" % (doc, len(text), text.count("\n")))
    print("first diagnostics after: %.1f s" % elapsed if pub else "NO diagnostics within 600 s")
    if diags is not None:
        codes = {}
        for d in diags:
            codes[d.get("code", d.get("source"))] = codes.get(d.get("code", d.get("source")), 0) + 1
        print("diagnostics: %d %s" % (len(diags), codes))
        for d in diags:
            if d.get("code") == "stowage.notAnalysed":
                print("message: " + d["message"])
    print("showMessage: %s" % (messages_shown or "none"))
    print("hover answered afterwards: %s" % ("yes" if hover is not None else "NO"))
    print("RSS: idle %d MiB, peak %d MiB (VmHWM %d MiB)" % (rss_idle // 1024, peak_rss[0] // 1024, hwm // 1024))
    print("heap (GC log): peak used before a collection %d MiB, peak committed %d MiB" % (heap_before_gc, heap_committed))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Drives headless Chromium (Debian's `chromium`) through the DevTools protocol over a pipe (no
WebSocket library needed): opens the upload page of a running `soatxet serve`, puts REPORT in the
file input, submits, waits for the checklist, saves a screenshot (NAME-checklist.png), clicks the first marked finding and saves another (NAME.png).
Prints JSON: the checklist's statuses by requirement, the explanation shown, the screenshots' paths.

usage: scripts/browser-check.py BASE_URL REPORT SCREENSHOT.png
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="soatxet-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        def wire():  # the pipes may already sit on 3 or 4: move them out of the way first
            read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            sys.exit("chromium not found: run 'make test-deps'")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-extensions", "--disable-dev-shm-usage", f"--user-data-dir={self.profile}", "--window-size=1280,1800",
             "about:blank"], preexec_fn=wire, close_fds=False, stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.profile, "stderr.log"), "w"))
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        return result.get("result", {}).get("value")

    def wait_for(self, expression, seconds=60):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
                if value:
                    return value
            except RuntimeError:
                pass  # navigating: the context is being replaced
            time.sleep(0.2)
        raise RuntimeError(f"timed out waiting for: {expression}")

    def close(self):
        self.process.kill()
        self.process.wait()
        if os.environ.get("KEEP_PROFILE"): print(open(os.path.join(self.profile, "stderr.log")).read()[-3000:], file=sys.stderr)
        shutil.rmtree(self.profile, ignore_errors=True)

def main():
    base, report, screenshot = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    browser = Browser()
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        browser.session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        browser.send("Page.enable")
        browser.send("Runtime.enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 1800, "deviceScaleFactor": 1, "mobile": False})
        browser.send("Page.navigate", {"url": base + "/"})
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('file')")
        root = browser.send("DOM.getDocument")["root"]["nodeId"]
        node = browser.send("DOM.querySelector", {"nodeId": root, "selector": "#file"})["nodeId"]
        browser.send("DOM.setFileInputFiles", {"nodeId": node, "files": [report]})
        chosen = browser.wait_for("document.getElementById('file').files.length === 1 && document.getElementById('file').files[0].name")
        browser.evaluate("document.getElementById('submit').click(), true")
        browser.wait_for("document.readyState === 'complete' && document.querySelectorAll('table.checklist tr[data-status]').length > 0")
        statuses = browser.evaluate("Object.fromEntries([...document.querySelectorAll('table.checklist tr[data-status]')].map(r => [r.dataset.requirement, r.dataset.status]))")
        top = browser.send("Page.captureScreenshot", {"format": "png"})
        with open(screenshot.replace(".png", "-checklist.png"), "wb") as out:
            out.write(base64.b64decode(top["data"]))
        browser.evaluate("(() => { const m = document.querySelector('a.mark'); if (!m) return false; m.scrollIntoView({block: 'center'}); m.click(); return true; })()")
        explanation = browser.wait_for("(() => { const b = document.getElementById('explain'); return b && !b.hidden && b.textContent; })()", 10)
        active = browser.evaluate("(document.querySelector('.findings li.active') || {}).id || null")
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
        with open(screenshot, "wb") as out:
            out.write(base64.b64decode(shot["data"]))
        print(json.dumps({"chosen": chosen, "statuses": statuses, "explanation": explanation, "active": active,
                          "screenshots": [screenshot.replace(".png", "-checklist.png"), screenshot]}, ensure_ascii=False))
    finally:
        browser.close()

if __name__ == "__main__":
    main()

// A loopback webhook receiver for the demo: stands in for the pager, chat and log receivers of
// deploy/alertmanager/alertmanager.yml (whose shipped URLs are placeholders that deliver nowhere) and appends one
// line per notification to stdout: time, receiver (the path's last part), status and alert names.
// Usage: node scripts/webhook-sink.mjs PORT
import http from "node:http";

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node scripts/webhook-sink.mjs PORT");
  process.exit(2);
}

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      let summary = body;
      try {
        const n = JSON.parse(body);
        summary = `${n.status} ${(n.alerts ?? []).map((a) => `${a.labels.alertname}{cluster=${a.labels.cluster ?? ""}}`).join(" ")}`;
      } catch {
        // not JSON: log it as it came
      }
      console.log(`${new Date().toISOString()} ${req.url.split("/").pop()} ${summary}`);
      res.writeHead(200).end();
    });
  })
  .listen(port, "127.0.0.1", () => console.log(`webhook sink on http://127.0.0.1:${port}/hooks/{pager,chat,log}`));

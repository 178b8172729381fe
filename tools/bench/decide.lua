-- wrk script for tools/two-instance-bench: every request is one decision by the same agent, a
-- read in sandbox (evaluated, stored and audited like any decision, and never budget-limited).
-- KEY and AGENT come from the environment.
local key = os.getenv("KEY")
local agent = os.getenv("AGENT")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.body = '{"agentId":"' .. agent .. '","sessionId":"bench","action":{"type":"config.read","environment":"sandbox",'
  .. '"target":"svc/payments","impact":{"records":0,"users":0,"monetaryValue":0}}}'

done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s = %.1f/s; p50 %.1f ms, p99 %.1f ms; non-2xx %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end

-- wrk script: agent suggestions for tickets whose subjects are the queries of a file (one per line).
-- Usage: TOKEN=kb_... QUERIES=../shared/corpus/queries.txt wrk -t1 -c1 -d10s --latency -s bench/http/suggest.lua http://127.0.0.1:5090
local bodies = {}
local file = os.getenv("QUERIES") or "queries.txt"
for line in io.lines(file) do
  if #line > 0 then
    local subject = line:gsub('[\\"]', ""):gsub("%c", " ")
    bodies[#bodies + 1] = '{"subject":"' .. subject .. '","description":"Customer wrote in about this today.","limit":5}'
  end
end
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "") }
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/suggestions", headers, bodies[i])
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end

-- wrk script: cycles through the queries of a file (one per line) against /api/v1/search.
-- Usage: QUERIES=../shared/corpus/queries.txt wrk -t2 -c32 -d10s --latency -s bench/http/search.lua http://127.0.0.1:5090
local queries = {}
local file = os.getenv("QUERIES") or "queries.txt"
for line in io.lines(file) do
  if #line > 0 then
    queries[#queries + 1] = "/api/v1/search?q=" .. line:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  end
end
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end

-- wrk script: never-seen questions against /api/v1/search. Each query of the file is asked with a different lead-in of
-- question words ("why", "my", "how do we" ...), which the lexical query drops, so the words searched stay those of
-- the log while no answer and no query vector can come from a cache (about 4,800 distinct questions).
-- Usage: QUERIES=../shared/corpus/queries.txt wrk -t1 -c1 -d20s --latency -s bench/http/search-unseen.lua http://127.0.0.1:5090
local leads = { "", "why", "how", "my", "we", "i", "why my", "how do i", "how do we", "why does my", "why is my",
  "can i", "should we", "what if my", "when my", "where is my" }
local queries = {}
local file = os.getenv("QUERIES") or "queries.txt"
for line in io.lines(file) do
  if #line > 0 then
    queries[#queries + 1] = line
  end
end
local i = 0
request = function()
  local q = queries[i % #queries + 1]
  local lead = leads[math.floor(i / #queries) % #leads + 1]
  i = i + 1
  local text = (#lead > 0 and (lead .. " ") or "") .. q
  return wrk.format("GET", "/api/v1/search?q=" .. text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

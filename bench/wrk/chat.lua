-- POSTs chat requests rotating over the 200 demo members, alternating 帮助 and 我是谁, so each request
-- resolves a different member. Requests are built in init() (built later, they would lack a Host header).
local requests = {}
local index = 0

init = function(args)
  for i = 0, 199 do
    local user = (i == 0) and "chair" or string.format("t%03d", i)
    local text = (i % 2 == 0) and "帮助" or "我是谁"
    local body = '{"user":"' .. user .. '","text":"' .. text .. '"}'
    requests[#requests + 1] = wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
  end
end

request = function()
  index = index % #requests + 1
  return requests[index]
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d errors=%d rps=%.0f p50=%.2f p99=%.2f\n",
      summary.requests, errors, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end

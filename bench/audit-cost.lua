-- wrk script: cycles through the pages listed in SOTERIA_PATHS with a signed-in session and prints
-- the median, 95th and 99th percentile latency in milliseconds.
local cookie = os.getenv("SOTERIA_COOKIE")
local paths = {}
for line in io.lines(os.getenv("SOTERIA_PATHS")) do
  paths[#paths + 1] = line
end
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end

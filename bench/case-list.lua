-- wrk script: cycles through case-list URLs (filtered and paged) with a signed-in session, and
-- prints the latency percentiles the targets name (median, 95th, 99th) in milliseconds.
local cookie = os.getenv("SOTERIA_COOKIE")
local browse = {
  "/cases",
  "/cases?page=40",
  "/cases?offenceGroup=adult_rape",
  "/cases?outcomeGroup=victim_does_not_support&page=3",
  "/cases?status=open&sort=recorded-oldest",
  "/cases?team=T07",
  "/cases?team=T12&outcomeGroup=charged",
  "/cases?from=2022-01-01&to=2022-12-31&offenceGroup=child_rape",
  "/cases?outcomeGroup=charged&page=12",
  "/cases?status=n100",
  "/cases?officer=NWP-O0100",
}
-- Searches as an officer types them: a crime reference, or a given and family name.
local search = {
  "/cases?q=NWP%2F2024%2F0001",
  "/cases?q=Sarah%20Winterbottom",
  "/cases?q=NWP%2F2019%2F05",
  "/cases?q=Kieran%20Okafor",
  "/cases?q=Declan%20Trevithick",
}
-- Issue 24: the start of each name, and a name as it sounds (found through the name search index, ADR 27).
local prefix = {
  "/cases?q=Sa%20Win",
  "/cases?q=Kie%20Oka",
  "/cases?q=Dec%20Tre",
  "/cases?q=Smyth",
  "/cases?q=Jonse",
}
local mixes = { browse = browse, search = search, prefix = prefix }
local paths = mixes[os.getenv("SOTERIA_MIX") or "browse"] or browse
local i = 0

request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  return wrk.format("GET", path, { ["Cookie"] = cookie, ["Accept"] = "text/html" })
end

response = function(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

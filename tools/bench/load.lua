-- wrk script of the load benchmark: GET as given, or (BENCH_BODY set) POST a
-- form whose request_key is new every time (so each request logs a class
-- instead of repeating the first one); prints one JSON line of figures.
local counter = 0
tid = 0 -- set per thread by setup()
local threads = {}
local body = os.getenv("BENCH_BODY")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  if body == nil or body == "" then
    return wrk.format(nil, nil, nil, nil)
  end
  counter = counter + 1
  local key = "bench-" .. tostring(tid) .. "-" .. tostring(counter) .. "-" .. tostring(os.time())
  return wrk.format("POST", nil, nil, "request_key=" .. key .. "&" .. body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH {"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx_3xx":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end

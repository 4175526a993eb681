-- One REST request per call for src/bench/service-wrk.sh. Environment: WRK_METHOD (GET or POST), WRK_TOKEN (a bearer
-- token, optional), WRK_BODY (a POST's JSON; every "%N" in it becomes a per-request counter). POSTs carry a fresh
-- Idempotency-Key (POST /api/orders requires one; other paths ignore it).
local method = os.getenv("WRK_METHOD") or "GET"
local token = os.getenv("WRK_TOKEN")
local body = os.getenv("WRK_BODY") or ""
local counter = 0
local thread_tag = ""

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  thread_tag = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  local headers = { ["Accept"] = "application/json" }
  if token ~= nil and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  if method == "POST" then
    counter = counter + 1
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = "wrk-" .. thread_tag .. "-" .. counter
    return wrk.format("POST", nil, headers, (string.gsub(body, "%%N", tostring(counter))))
  end
  return wrk.format("GET", nil, headers, nil)
end

-- PutItem of a 1 KB item over the benchmark data set's keys (see get.lua for the headers).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem"
wrk.headers["X-Amz-Date"] = "20261121T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20261121/us-east-1/dynamodb/aws4_request, "
    .. "SignedHeaders=host;x-amz-date, Signature=0000"

local payload = string.rep("p", 900)

request = function()
  local i = math.random(0, 9999)
  local p = i % 100
  local body = '{"TableName":"bench","Item":{"pk":{"S":"P' .. p .. '"},"sk":{"N":"' .. i .. '"},"gpk":{"S":"G' .. p
      .. '"},"gsk":{"N":"' .. i .. '"},"counter":{"N":"0"},"payload":{"S":"' .. payload .. '"}}}'
  return wrk.format(nil, "/", nil, body)
end

response = function(status, headers, body)
  if status ~= 200 then
    errors_seen = (errors_seen or 0) + 1
    if errors_seen < 3 then print("HTTP " .. status .. ": " .. body) end
  end
end

-- GetItem of a random item of the benchmark data set (Engines: pk = "P" .. i % 100, sk = i, 10 000 items).
-- The Authorization header is not a valid signature: both servers accept any credentials by default, and DynamoDB
-- Local only reads the access key and region from it (they must match those the data was loaded with).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
wrk.headers["X-Amz-Target"] = "DynamoDB_20120810.GetItem"
wrk.headers["X-Amz-Date"] = "20261121T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20261121/us-east-1/dynamodb/aws4_request, "
    .. "SignedHeaders=host;x-amz-date, Signature=0000"

request = function()
  local i = math.random(0, 9999)
  local body = '{"TableName":"bench","Key":{"pk":{"S":"P' .. (i % 100) .. '"},"sk":{"N":"' .. i .. '"}}}'
  return wrk.format(nil, "/", nil, body)
end

response = function(status, headers, body)
  if status ~= 200 then
    errors_seen = (errors_seen or 0) + 1
    if errors_seen < 3 then print("HTTP " .. status .. ": " .. body) end
  end
end

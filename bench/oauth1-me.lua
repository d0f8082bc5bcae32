-- wrk script: each request with its own pre-signed Authorization header from
-- $HEADERS (a nonce is good only once). Each wrk thread takes every
-- WRK_THREADS-th line and formats its requests once, in init, so that
-- making requests costs wrk as little as possible. $TARGET_PATH is the path
-- (default /api/me; the baseline run sends the same headers to /baseline).
-- wrk's "Non-2xx or 3xx responses" line shows a run that ran out of headers.
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local path = os.getenv("TARGET_PATH") or "/api/me"
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  requests = {}
  local n = 0
  for line in io.lines(os.getenv("HEADERS")) do
    if n % threads == id then
      requests[#requests + 1] = wrk.format("GET", path, { ["Authorization"] = line })
    end
    n = n + 1
  end
  count = #requests
  i = 0
end

function request()
  i = i + 1
  if i > count then
    i = 1
  end
  return requests[i]
end

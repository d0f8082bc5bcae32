-- wrk script: GET /api/me, each request with its own pre-signed
-- Authorization header from $HEADERS. A nonce is good only once, so each wrk
-- thread takes every WRK_THREADS-th line; wrk's "Non-2xx or 3xx responses"
-- line shows a run that ran out of fresh headers.
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  headers = {}
  local n = 0
  for line in io.lines(os.getenv("HEADERS")) do
    if n % threads == id then
      headers[#headers + 1] = line
    end
    n = n + 1
  end
  i = 0
end

function request()
  i = i + 1
  return wrk.format("GET", "/api/me", { ["Authorization"] = headers[(i - 1) % #headers + 1] })
end

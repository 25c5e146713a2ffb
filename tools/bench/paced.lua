-- wrk script: each connection waits `delay` ms (first argument) after every answer before it asks again, so a
-- run can hold a rate well below the maximum; counts the answers by status and prints them at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  pause = tonumber(args[1] or "0")
  statuses = {}
end

function delay()
  return pause
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local line = "statuses:"
  for status, count in pairs(total) do
    line = line .. string.format(" %d×%d", status, count)
  end
  print(line)
end

-- Records a delivery state for the message sent with a tag, if it is still the key's live code. The order is the
-- core's (spi.DeliveryOrder, whose rank the store passes): sent 1 < delivered 2 < read 3; a failure (4)
-- replaces only sent or nothing; nothing replaces a failure.
-- KEYS[1] the key's hash
-- ARGV    tag, state rank (1 to 4), state name, now (epoch ms)
-- Returns 0 not current, 1 unchanged, 2 updated, 3 failed now.
local key = KEYS[1]
local rank = tonumber(ARGV[2])
local state = redis.call('HMGET', key, 'tag', 'expires', 'delivery')
local expires = tonumber(state[2])
if state[1] ~= ARGV[1] or not expires or expires <= tonumber(ARGV[4]) then
  return 0
end
local current = 0
if state[3] then
  current = tonumber(string.sub(state[3], 1, 1))
end
local advances
if current == 4 then
  advances = false
elseif rank == 4 then
  advances = current <= 1
else
  advances = rank > current
end
if not advances then
  return 1
end
-- Stored as rank:name, so the rank is read back without a table of names here.
redis.call('HSET', key, 'delivery', ARGV[2] .. ':' .. ARGV[3])
if rank == 4 then
  return 3
end
return 2

-- The check of a code against one phone's verification, atomic: count the attempt, compare, consume on a match.
-- KEYS[1] the phone's verification hash
-- ARGV    HMAC of the code to check, now (epoch ms, the verifier's clock), maxAttempts
-- Returns {outcome, attemptsLeft}; outcome 0 approved, 1 wrong code, 2 expired, 3 too many attempts, 4 not pending.
local key = KEYS[1]
local now = tonumber(ARGV[2])
local maxAttempts = tonumber(ARGV[3])

-- Compares every byte whatever the first difference, so the time taken says nothing about the stored HMAC.
local function same(a, b)
  if #a ~= #b then
    return false
  end
  local diff = 0
  for i = 1, #a do
    diff = bit.bor(diff, bit.bxor(string.byte(a, i), string.byte(b, i)))
  end
  return diff == 0
end

local state = redis.call('HMGET', key, 'code', 'expires', 'attempts')
if not state[1] then
  return {4, 0}
end
if tonumber(state[2]) <= now then
  return {2, 0}
end
if tonumber(state[3]) >= maxAttempts then
  return {3, 0}
end
-- Counted before the comparison, so no interleaving of checks can get more than maxAttempts comparisons.
local attempts = redis.call('HINCRBY', key, 'attempts', 1)
if same(state[1], ARGV[1]) then
  redis.call('DEL', key)
  return {0, 0}
end
return {1, maxAttempts - attempts}

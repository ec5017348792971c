-- The check of a code against one key's verification, atomic: count the attempt, compare, consume on a
-- match, count a failure across codes otherwise and lock the key once there are maxFailures.
-- KEYS[1] the key's hash (a purpose and a phone number)
-- ARGV    now (epoch ms, the verifier's clock), maxAttempts, maxFailures, lockout (ms), failure memory (ms),
--         then the HMACs of the typed code, one per secret the verifier accepts
-- Returns {outcome, attemptsLeft, locked until}; outcome 0 approved, 1 wrong code, 2 expired,
-- 3 too many attempts, 4 not pending, 5 locked.
local key = KEYS[1]
local now = tonumber(ARGV[1])
local maxAttempts = tonumber(ARGV[2])
local maxFailures = tonumber(ARGV[3])
local lockout = tonumber(ARGV[4])
local memory = tonumber(ARGV[5])

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

local state = redis.call('HMGET', key, 'code', 'expires', 'attempts', 'failures', 'failexp', 'locked')
local locked = tonumber(state[6])
if locked and locked > now then
  return {5, 0, locked}
end
if not state[1] then
  return {4, 0, 0}
end
local expires = tonumber(state[2])
if expires <= now then
  return {2, 0, 0}
end
if tonumber(state[3]) >= maxAttempts then
  return {3, 0, 0}
end
-- Counted before the comparison, so no interleaving of checks can get more than maxAttempts comparisons.
local attempts = redis.call('HINCRBY', key, 'attempts', 1)
local match = false
for i = 6, #ARGV do
  -- No early exit: every candidate is compared.
  match = same(state[1], ARGV[i]) or match
end
if match then
  redis.call('DEL', key)
  return {0, 0, 0}
end
local failures = 0
local failexp = tonumber(state[5])
if failexp and failexp > now then
  failures = tonumber(state[4])
end
failures = failures + 1
redis.call('HSET', key, 'failures', failures, 'failexp', now + memory)
local keep = math.max(memory, expires - now)
if failures >= maxFailures then
  redis.call('HSET', key, 'locked', now + lockout)
  redis.call('PEXPIRE', key, keep)
  return {5, 0, now + lockout}
end
redis.call('PEXPIRE', key, keep)
return {1, maxAttempts - attempts, 0}

/// Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of
/// many runs that failed together (a database went down) do not come back in lockstep.
enum RetryBackoff {
    static func delay(beforeAttempt attempt: Int, base: Double, cap: Double, random: inout some RandomNumberGenerator) -> Double {
        let exponent = Double(max(0, attempt - 2))
        let full = min(cap, base * pow2(exponent))
        return full / 2 + Double.random(in: 0...(full / 2), using: &random)
    }

    private static func pow2(_ e: Double) -> Double {
        e >= 60 ? Double.greatestFiniteMagnitude : Double(1 << Int(e))
    }
}

/// Recently seen signatures, to drop replayed messages as jupyter_client's `Session` does (it keeps
/// the last 65 536 digests). Owned by one connection's I/O thread: the reference notes false
/// "duplicate" drops when two consumers shared one history.
struct SignatureHistory {
    private var seen: Set<[UInt8]> = []
    private var order: [[UInt8]] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int = 1 << 16) { self.capacity = capacity }

    /// Records `signature`; false if it was already seen (a replay). Empty signatures (no key) pass.
    mutating func insert(_ signature: [UInt8]) -> Bool {
        guard !signature.isEmpty else { return true }
        guard seen.insert(signature).inserted else { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            seen.remove(order[next])
            order[next] = signature
            next = (next + 1) % capacity
        }
        return true
    }
}

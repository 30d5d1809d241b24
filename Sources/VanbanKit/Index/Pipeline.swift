// A bounded producer/consumer pipeline: chunks of items are prepared on all cores, two chunks
// ahead, while the calling thread consumes finished chunks in order. The bound keeps memory flat
// however large the corpus, and order is kept so runs are reproducible.

import Dispatch

enum Pipeline {
  static func run<T, R>(
    _ items: [T], chunk: Int = 32, produce: @escaping (T) -> R, consume: (T, R) throws -> Void
  ) throws {
    guard !items.isEmpty else { return }
    let ranges = stride(from: 0, to: items.count, by: chunk).map { $0..<min($0 + chunk, items.count) }
    let queue = DispatchQueue(label: "vanban.pipeline")
    typealias Slot = (group: DispatchGroup, buffer: UnsafeMutableBufferPointer<R?>)

    func launch(_ r: Range<Int>) -> Slot {
      let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: r.count)
      buffer.initialize(repeating: nil)
      let group = DispatchGroup()
      group.enter()
      queue.async {
        // Each iteration writes its own slot, so the buffer needs no lock.
        DispatchQueue.concurrentPerform(iterations: r.count) { i in buffer[i] = produce(items[r.lowerBound + i]) }
        group.leave()
      }
      return (group, buffer)
    }
    func release(_ s: Slot) {
      s.group.wait()
      s.buffer.deinitialize()
      s.buffer.deallocate()
    }

    var pending: [Slot] = ranges.prefix(2).map(launch)
    var next = pending.count
    defer { pending.forEach(release) }
    for r in ranges {
      let current = pending.removeFirst()
      current.group.wait()
      if next < ranges.count {
        pending.append(launch(ranges[next]))
        next += 1
      }
      defer { release(current) }
      for i in 0..<r.count { try consume(items[r.lowerBound + i], current.buffer[i]!) }
    }
  }
}

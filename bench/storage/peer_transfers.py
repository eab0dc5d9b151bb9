"""The timed part both Python peers of bench/storage share: upload every file, then download them
all, one at a time or through a thread pool of CONCURRENCY, as `quire _bench-storage` does."""
import time
from concurrent.futures import ThreadPoolExecutor


def upload_then_download(count, put, get, concurrency):
    """Calls put(i) for every index, then get(i); returns (upload_s, download_s, downloaded)."""
    def each(fn):
        if concurrency == 1:
            return [fn(i) for i in range(count)]
        with ThreadPoolExecutor(concurrency) as pool:
            return list(pool.map(fn, range(count)))

    t0 = time.perf_counter()
    each(put)
    t1 = time.perf_counter()
    back = each(get)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, back

# The two commands of the README. Both bootstrap first (quick when everything is present).
SWIFT ?= swift

.PHONY: run test bootstrap build-release order-file bench-format bench-run bench-kernel bench-storage bench-render

bootstrap:
	@./scripts/bootstrap

build-release: bootstrap
	$(SWIFT) build -c release --product quire --static-swift-stdlib

# Quire's main job on embedded defaults: the server (API, scheduler, workers) with the bundled
# example jobs, on SQLite and a local folder in ./quire-data. It prints its URL; Ctrl-C stops it.
run: build-release
	.build/release/quire serve --config examples/quire.yaml

# Suites that start kernels run in separate processes, one module at a time: on 2 cores, many
# kernels streaming at once starve their readers and ipykernel then drops iopub messages.
test: bootstrap
	@for t in Tests/*Tests; do n=$$(basename $$t); grep -q "filter.*$$n" Makefile || { echo "make test: $$n is not run; add it to a filter below" >&2; exit 1; }; done
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --filter 'NotebookFormatTests|NotebookExecutionTests|NotebookStorageTests|NotebookRenderingTests|SchedulingTests|SchedulingStoreTests|SchedulerTests'
	$(SWIFT) test --skip-build --filter JupyterKernelTests
	$(SWIFT) test --skip-build --filter QuireCLITests
	$(SWIFT) test --skip-build --filter QuireRunTests
	$(SWIFT) test --skip-build --no-parallel --filter QuireServerTests
	$(SWIFT) test --skip-build --no-parallel --filter QuireWebTests

# Regenerates link/quire.order from a traced run of the release binary (link/README.md).
# SwiftPM does not track the ordering file, hence the forced relink.
order-file: build-release
	./link/make-order.py ../shared/reference/papermill-vectors/bench_notebooks
	rm -f .build/release/quire && $(SWIFT) build -c release --product quire --static-swift-stdlib

bench-format: build-release
	./bench/format/run.sh

bench-run: build-release
	./bench/run/run.sh

bench-kernel: bootstrap
	./bench/kernel/run.sh

bench-storage: build-release
	./bench/storage/run.sh

bench-render: build-release
	./bench/render/run.sh

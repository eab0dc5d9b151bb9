# The two commands of the README. Both bootstrap first (quick when everything is present).
SWIFT ?= swift

.PHONY: run test bootstrap build-release bench-format

bootstrap:
	@./scripts/bootstrap

build-release: bootstrap
	$(SWIFT) build -c release --product quire --static-swift-stdlib

# Quire's main job on embedded defaults: run the bundled parameterized example notebook.
run: build-release
	@mkdir -p quire-data/runs
	.build/release/quire run examples/hello.ipynb quire-data/runs/hello.ipynb
	@echo "output notebook: quire-data/runs/hello.ipynb"

test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench-format: build-release
	./bench/format/run.sh

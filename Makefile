# The two commands of the README. Both bootstrap first (quick when everything is present).
SWIFT ?= swift

.PHONY: run test bootstrap build-release bench-format

bootstrap:
	@./scripts/bootstrap

build-release: bootstrap
	$(SWIFT) build -c release --product quire --static-swift-stdlib

# Quire's main job on embedded defaults: check and canonicalise the bundled example notebooks.
run: build-release
	.build/release/quire validate examples/*.ipynb
	.build/release/quire fmt examples/hello.ipynb -o - | head -n 5

test: bootstrap
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench-format: build-release
	./bench/format/run.sh

# Two commands do all the set-up on a fresh Debian machine (root, no display):
#   make run    installs system packages, builds, starts the kiosk on the demo content
#   make test   installs system packages, vets and runs every test (UI, smoke under Xvfb)
SHELL := /bin/bash
export LANG ?= zh_CN.UTF-8
export PATH := /usr/local/go/bin:$(PATH)

# Build and run: cgo toolchain, OpenGL/X11 and ALSA headers for Fyne and beep.
APT_BUILD := gcc pkg-config libgl1-mesa-dev xorg-dev libasound2-dev
# Headless run, screenshots and the smoke test.
APT_HEADLESS := xvfb xdotool x11-utils imagemagick
# Regenerating assets (not needed to build or test).
APT_ASSETS := fonts-noto-cjk python3-fonttools unicode-data espeak-ng vorbis-tools
# The hub dashboard's browser test (internal/hub/dash) drives Debian's headless Chromium.
APT_TEST := chromium fonts-noto-cjk
# make bench only: Chromium for the side-by-side, sqlite3 to check the event log after the soak.
APT_BENCH := chromium sqlite3 fonts-noto-cjk

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# The Fyne package wants a dotted version: FyneApp.toml's, unless overridden.
FYNE_VERSION ?= $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' cmd/kiosk/FyneApp.toml)
LDFLAGS := -X main.version=$(VERSION)
# The kiosk's build tags: no_emoji leaves out Fyne's 4 MB colour-emoji font, which the
# exhibit never shows and which Fyne otherwise parses into every kiosk's memory
# (docs/performance.md). The demo content is read from files (internal/demo); the Fyne
# package, one program file, adds embeddemo to carry it inside.
KIOSK_TAGS := no_emoji
DISPLAY_NUM ?= 99
ARGS ?=

.PHONY: run build test vet lint-content fuzz screenshots bench font pinyin narration art sounds deps-build deps-headless deps-test clean package package-test app-update-test fyne-package fyne-package-test windows windows-test usb-test

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-build:
	$(call apt_install,$(APT_BUILD))

deps-headless:
	$(call apt_install,$(APT_HEADLESS))

deps-test:
	$(call apt_install,$(APT_TEST))

build: deps-build
	go build -tags $(KIOSK_TAGS) -ldflags "$(LDFLAGS)" -o bin/kiosk ./cmd/kiosk
	go build -ldflags "$(LDFLAGS)" -o bin/kioskctl ./cmd/kioskctl
	go build -ldflags "$(LDFLAGS)" -o bin/kiosk-hub ./cmd/kiosk-hub

# Runs full screen on the demo content (assets/content, found beside bin/). Without a
# display, starts Xvfb at 1920x1080.
run: build deps-headless
	@if [ -z "$$DISPLAY" ]; then \
	  echo "no display: starting Xvfb :$(DISPLAY_NUM) at 1920x1080"; \
	  Xvfb :$(DISPLAY_NUM) -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 & \
	  xvfb=$$!; trap "kill $$xvfb" EXIT; sleep 1; \
	  DISPLAY=:$(DISPLAY_NUM) ./bin/kiosk $(ARGS); \
	else ./bin/kiosk $(ARGS); fi

vet: deps-build
	gofmt -l . | (! grep .) || (echo "gofmt needed on the files above"; exit 1)
	go vet ./...

lint-content:
	go run ./cmd/kioskctl content lint assets/content
	go run ./cmd/kioskctl quizbank lint

# Every test, including the UI flows (fyne test driver) and the smoke test of the real
# binary under Xvfb (KIOSK_SMOKE=require makes a missing Xvfb a failure, not a skip), and the
# hub dashboard in headless Chromium (KIOSK_BROWSER=require, likewise).
test: deps-build deps-headless deps-test vet lint-content usb-test
	KIOSK_SMOKE=require KIOSK_BROWSER=require go test -count=1 -timeout 30m ./...
	scripts/fuzz.sh 3

# Every fuzz target (content loading, quiz import, pack manifest and archive, the hub's batch
# decoder) for FUZZTIME seconds each.
FUZZTIME ?= 120
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

# docs/screenshots: every screen at 1920x1080 and home at 1280x800 and 1080x1920 (Fyne's
# software painter, real theme and content), plus the real binary under Xvfb: 00-xvfb-*, and
# a tour of every screen at 1920x1080, 1280x800, 1080x1920 and 3840x2160 (real-WxH/).
screenshots: deps-build deps-headless
	UPDATE_SCREENSHOTS=$(CURDIR)/docs/screenshots go test -count=1 -run 'TestGallery|TestBoardGallery|TestWallGallery|TestSceneGallery' ./internal/ui/
	UPDATE_SCREENSHOTS=$(CURDIR)/docs/screenshots go test -count=1 ./internal/ui/keyboard/
	UPDATE_SCREENSHOTS=$(CURDIR)/docs/screenshots KIOSK_SMOKE=require go test -count=1 -run 'TestSmoke|TestRealWindowFitsEveryScreen' ./cmd/kiosk/
	$(call apt_install,$(APT_TEST))
	UPDATE_SCREENSHOTS=$(CURDIR)/docs/screenshots/hub KIOSK_BROWSER=require go test -count=1 -run TestDashboardInBrowser ./internal/hub/dash/

# Content and quiz-bank load, event log throughput and enqueue latency, hub ingest (SQLite;
# PostgreSQL too when KIOSK_TEST_PG_DSN is set), pack install and live swap, then cold start
# and memory under Xvfb, then pack install against sha256sum+cp (PACK_MB, default 256).
# Then issue 8's bench (docs/performance.md): what a full-screen layer of each kind costs a
# frame with software GL, tap latency of every transition against a bare
# Fyne window (A/B, LAT_RUNS runs), start and memory beside bare Fyne and Chromium --kiosk,
# and a SOAK_TAPS random-tap soak with pprof, a log check and the event log checked; then
# MIRROR_MINUTES (default 10) in the mirror zone: frames drawn per second and PSS each minute.
bench: build deps-headless
	$(call apt_install,$(APT_BENCH))
	go test -run '^$$' -bench . -benchmem ./internal/content/ ./internal/quiz/ ./internal/eventlog/ ./internal/hub/ ./internal/pack/ ./internal/ui/ ./internal/pinyin/ ./internal/ui/keyboard/ ./internal/mirror/
	bench/startup.sh
	PACK_MB=$${PACK_MB:-256} bench/pack.sh
	bench/layers.sh
	bench/latency.sh $${LAT_RUNS:-3}
	bench/sidebyside.sh $${LAT_RUNS:-3}
	bench/soak.sh $${SOAK_TAPS:-10000}
	bench/mirror.sh $${MIRROR_MINUTES:-10}

font:
	$(call apt_install,$(APT_ASSETS))
	scripts/make-font.sh

# The pinyin keyboard's candidate table (after `make font`: it keeps only glyphs the font has).
pinyin:
	$(call apt_install,$(APT_ASSETS))
	go generate ./internal/pinyin

narration:
	$(call apt_install,$(APT_ASSETS))
	scripts/gen-narration.sh

# Illustrations: SVG sources in assets/art, rendered to the PNGs the kiosk shows.
art:
	python3 scripts/draw_illustrations.py
	python3 scripts/draw_case_pages.py
	python3 scripts/draw_board.py
	go run ./cmd/kioskctl media render assets/art/img assets/content/media/img
	python3 scripts/draw_panoramas.py
	go run ./cmd/kioskctl media render assets/art/pano assets/content/media/pano 4096x1024
	go run ./cmd/kioskctl media pano-thumbs assets/content

# Sound effects: synthesised by internal/audio/synth (our own, no licence needed).
sounds:
	go run ./cmd/kioskctl media sounds assets/sounds

# dist/jindu-kiosk_<version>_<arch>.deb: the three programs, the systemd units (cage kiosk
# session with watchdog, bare-X alternative, out-of-service fallback, hub), the USB rule, a
# default config in /etc and the data dir in /var/lib (docs/install.md).
package: build
	scripts/build-deb.sh dist

# The USB mount helper's choice of mounts and options, against stub mount commands.
usb-test:
	sh deploy/usb/mount-usb_test.sh

# Builds the .deb at two versions and checks contents, install, upgrade and purge in a
# throwaway root, and the units with systemd-analyze verify.
package-test: build
	scripts/deb-test.sh bin

# Program updates on the real programs: build-app, app install, app launch (execve), the
# first frame confirmed under Xvfb, rollback after two starts without one.
app-update-test: deps-build deps-headless
	scripts/app-update-test.sh

# The Fyne package dist/jindu-kiosk.tar.xz from cmd/kiosk, where FyneApp.toml is: the kiosk
# (git version embedded), its icon, a .desktop entry and a Makefile that installs them
# (docs/install.md). It holds the kiosk only, with the demo content inside it (embeddemo):
# kiosk PCs use the .deb (make package), which installs the demo as files. The
# fyne tool is pinned and installed into bin/ (from the Go module proxy).
FYNE_TOOL := fyne.io/tools/cmd/fyne@v1.7.4
FYNE := $(CURDIR)/bin/fyne
fyne-package: deps-build
	@$(FYNE) version 2>/dev/null | grep -q 'v1.7.4' || GOBIN=$(CURDIR)/bin go install $(FYNE_TOOL)
	mkdir -p dist
	@# fyne package rewrites FyneApp.toml (Build+1, comments dropped): it is put back after.
	cp cmd/kiosk/FyneApp.toml dist/FyneApp.toml.orig
	cd cmd/kiosk && GOFLAGS="-ldflags=-X=main.version=$(VERSION)" \
	  $(FYNE) package --os linux --release --tags embeddemo,$(KIOSK_TAGS) --app-version $(FYNE_VERSION) --name jindu-kiosk; \
	  st=$$?; mv ../../dist/FyneApp.toml.orig FyneApp.toml; exit $$st
	mv cmd/kiosk/jindu-kiosk.tar.xz dist/

# Checks the Fyne package: contents, desktop entry, icon, --version, make install/uninstall
# into a throwaway DESTDIR, and the packaged binary's first frame under Xvfb.
fyne-package-test: fyne-package deps-headless
	scripts/fyne-package-test.sh dist/jindu-kiosk.tar.xz $(VERSION)

# Windows: GUI-subsystem programs (no console window) cross-built with mingw-w64.
# The first build of the kiosk takes about 6 minutes.
APT_WINDOWS := gcc-mingw-w64-x86-64
# make windows-test only: Debian's Wine runs the Windows test binaries (about 1.2 GB installed).
APT_WINE := wine wine64
windows:
	$(call apt_install,$(APT_WINDOWS))
	mkdir -p dist/windows
	GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
	  go build -tags $(KIOSK_TAGS) -ldflags "$(LDFLAGS) -H windowsgui" -o dist/windows/kiosk.exe ./cmd/kiosk
	rm -rf dist/windows/demo && cp -r assets/content dist/windows/demo
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o dist/windows/kioskctl.exe ./cmd/kioskctl
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -ldflags "$(LDFLAGS)" -o dist/windows/kiosk-hub.exe ./cmd/kiosk-hub

# The unit tests of every package with Windows-specific code, built for Windows and run
# under Wine (data directory, stick drive, sound detection, lock, screen blanking, config).
windows-test:
	$(call apt_install,$(APT_WINDOWS) $(APT_WINE))
	scripts/windows-test.sh

clean:
	rm -rf bin dist

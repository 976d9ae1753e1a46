# Two commands set up everything on a machine with a JDK 17+ and access to Maven Central:
#   make run   - the server on :8080 with its own PostgreSQL, Kafka, Elasticsearch, Redis and a demo catalog
#   make test  - the whole test suite against real servers
MVN ?= ./mvnw -B
JAVA ?= java
JAR := infra/target/music-streaming-exec.jar
DEV_SERVICES := dev-services/target/dev-services-exec.jar
BENCHMARKS := benchmarks/target/benchmarks-exec.jar
CATALOG_TOOLS := catalog-tools/target/catalog-tools-exec.jar
BUILT := .run/build.stamp
SOURCES := $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)
# ZGC with at least 4 concurrent threads (docs/performance.md says why)
GC_THREADS := $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$(( n / 4 > 4 ? n / 4 : 4 )))
JAVA_OPTS ?= -XX:+UseZGC -XX:ConcGCThreads=$(GC_THREADS) -Xms1g -Xmx3g
BENCH_JAVA_OPTS ?= -XX:+UseZGC -XX:ConcGCThreads=$(GC_THREADS) -Xms8g -Xmx8g
DEV_PORTS := --postgres-port=15432 --kafka-port=19092 --elasticsearch-port=19200 --redis-port=16379
export AXONIQ_UPDATE_CHECKER_DISABLED := true

.PHONY: run test build bench clean catalog import audit

# the dev-services launcher starts the servers, then the service jar with their URLs in its environment
run: $(BUILT)
	$(JAVA) -jar $(DEV_SERVICES) --run-dir=.run/dev $(DEV_PORTS) -- \
		$(JAVA) $(JAVA_OPTS) -jar $(JAR) --music.demo-catalog.enabled=true --music.admin.generate-password=true $(ARGS)

build: $(BUILT)

$(BUILT): $(SOURCES)
	$(MVN) -q -DskipTests clean install
	@mkdir -p $(dir $@) && touch $@

test:
	$(MVN) install

bench: $(BUILT)
	$(JAVA) $(BENCH_JAVA_OPTS) -jar $(BENCHMARKS) $(ARGS)

# Synthetic catalog (deterministic for a seed) and bulk import into a running server (make run)
CATALOG_TRACKS ?= 1000000
CATALOG_SEED ?= 42
CATALOG ?= .run/catalog-$(CATALOG_TRACKS)-$(CATALOG_SEED).jsonl

catalog: $(BUILT)
	$(JAVA) -Dloader.main=io.musicstream.tools.catalog.SyntheticCatalog -jar $(CATALOG_TOOLS) \
		--tracks=$(CATALOG_TRACKS) --seed=$(CATALOG_SEED) --out=$(CATALOG) $(ARGS)

import: $(BUILT)
	$(JAVA) -Dloader.main=io.musicstream.tools.catalog.CatalogImportCli -jar $(CATALOG_TOOLS) --file=$(CATALOG) $(ARGS)

# The auditor's replay of a closed period against a database (default: make run's), docs/royalties.md
audit: $(BUILT)
	$(JAVA) -Dloader.main=io.musicstream.infra.audit.AuditCli -cp $(JAR) \
		org.springframework.boot.loader.launch.PropertiesLauncher $(ARGS)

clean:
	$(MVN) -q clean
	rm -rf .run

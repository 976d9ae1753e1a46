# Two commands set up everything on a machine with a JDK 17+ and access to Maven Central:
#   make run   - the server on :8080 with its own PostgreSQL, Kafka, Elasticsearch, Redis and a demo catalog
#   make test  - the whole test suite against real servers
MVN ?= ./mvnw -B
JAR := infra/target/music-streaming.jar
SOURCES := $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)
JAVA ?= java
# ZGC: pauses under a millisecond (G1's young pauses of 5-15 ms set the sync feed's p99); generational from JDK 23.
# Its concurrent threads: a quarter of the cores, at least 4 (it starts as many as a cycle needs). Their number is
# the collector's share of saturated cores: with the JVM's 1, or 2, on two busy cores, cycles fell behind the
# allocations and stalled them for seconds.
GC_THREADS := $(shell n=$$(nproc 2>/dev/null || echo 2); echo $$(( n / 4 > 4 ? n / 4 : 4 )))
JAVA_OPTS ?= -XX:+UseZGC -XX:ConcGCThreads=$(GC_THREADS) -Xms1g -Xmx3g
# the benchmarks allocate fast (clients in the same JVM); ZGC stalls allocations when it lacks headroom
BENCH_JAVA_OPTS ?= -XX:+UseZGC -XX:ConcGCThreads=$(GC_THREADS) -Xms8g -Xmx8g
export AXONIQ_UPDATE_CHECKER_DISABLED := true

.PHONY: run test build bench clean catalog import

run: $(JAR)
	$(JAVA) $(JAVA_OPTS) -jar $(JAR) --music.dev-services.enabled=true --music.demo-catalog.enabled=true \
		--music.admin.generate-password=true $(ARGS)

build: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -q -DskipTests install
	@touch $(JAR)

test:
	$(MVN) install

bench: $(JAR)
	$(JAVA) $(BENCH_JAVA_OPTS) -Dmusic.dev-services.enabled=true -cp $(JAR) -Dloader.main=io.musicstream.infra.bench.Benchmarks org.springframework.boot.loader.launch.PropertiesLauncher $(ARGS)

# Synthetic catalog (deterministic for a seed) and bulk import into a running server (make run)
CATALOG_TRACKS ?= 1000000
CATALOG_SEED ?= 42
CATALOG ?= .run/catalog-$(CATALOG_TRACKS)-$(CATALOG_SEED).jsonl

catalog: $(JAR)
	java -cp $(JAR) -Dloader.main=io.musicstream.infra.catalog.synthetic.SyntheticCatalog org.springframework.boot.loader.launch.PropertiesLauncher --tracks=$(CATALOG_TRACKS) --seed=$(CATALOG_SEED) --out=$(CATALOG) $(ARGS)

import: $(JAR)
	java -cp $(JAR) -Dloader.main=io.musicstream.infra.catalog.imports.CatalogImportCli org.springframework.boot.loader.launch.PropertiesLauncher --file=$(CATALOG) $(ARGS)

clean:
	$(MVN) -q clean
	rm -rf .run

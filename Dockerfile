# One recipe for every Kaimono service:
#   docker build --build-arg SERVICE=order-service -t kaimono/order-service .
# docker-compose.yml builds all seven this way. BuildKit is needed (the default of Docker 23+ and Compose
# v2; DOCKER_BUILDKIT=1 before). No `# syntax=` line: it would make BuildKit pull a frontend image.
#
# Where the service's jar comes from (build argument JARS):
#   maven (default)  built here from the sources by the Maven wrapper (needs Maven Central)
#   host             the jar already built on the host, <module>/target/<module>.jar (./mvnw package);
#                    tools/compose-check uses this, as containers on its machines cannot reach Maven Central
ARG JARS=maven

FROM eclipse-temurin:25-jdk AS jar-maven
ARG SERVICE
WORKDIR /src
COPY . .
# The cache mount keeps Maven (downloaded by the wrapper) and the dependencies between builds;
# "locked" because compose builds the seven images at once and Maven's local repository is not
# safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "${SERVICE}" || { echo "Build with --build-arg SERVICE=<module>, e.g. SERVICE=user-service" >&2; exit 1; }; \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
 && cp "${SERVICE}/target/${SERVICE}.jar" /app.jar

FROM eclipse-temurin:25-jre AS jar-host
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}.jar /app.jar

FROM jar-${JARS} AS jar
# A plain class path (app.jar, its lib/ beside it), which the JVM's AOT cache needs; in layers, least changed first.
RUN java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 kaimono \
 && useradd --system --uid 10001 --gid kaimono --no-create-home --home-dir /app --shell /usr/sbin/nologin kaimono
COPY --chmod=755 deploy/docker/kaimono-healthcheck /usr/local/bin/kaimono-healthcheck
# user-service keeps its signing key here (a volume in compose); a new named volume takes this owner and mode.
RUN install -d -o 10001 -g 10001 -m 700 /var/lib/kaimono/keys
WORKDIR /app
# Least to most often changed, so a code change only replaces the last layer.
COPY --from=jar /layers/dependencies/ ./
COPY --from=jar /layers/spring-boot-loader/ ./
COPY --from=jar /layers/snapshot-dependencies/ ./
COPY --from=jar /layers/application/ ./
# Heap at half the container limit: the rest (metaspace, code cache, thread stacks, Netty buffers)
# takes roughly another 150 MB in a Spring Boot service. Native access for Netty's epoll transport.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
-XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k --enable-native-access=ALL-UNNAMED"
# The start-up cache (ADR 0034): one training start that ends once the application context is refreshed records
# the classes the service loads; every start of the image maps them, parsed and loaded, from app.aot (order-service
# alone ready in 2.7 s instead of 6-7; in compose all healthy in 55 s instead of 78, 1,402 MiB instead of 1,599 for
# the seven). The build has no database, broker or store, so the training runs
# with what would reach one switched off: no migrations, no schema check, the dialect named instead of asked for,
# and the local profile (catalog's in-JVM store, user-service's generated key). Without AOT class linking: with it a
# JVM whose initial heap cannot hold the cache's archived objects refuses to start (a 384 MiB container starts with
# ~6 MiB), and whoever runs the image chooses the heap (compose, the Kubernetes ConfigMaps); without it such a JVM
# only leaves those objects out (2.7 instead of 2.2 s for order-service alone, same memory). Without call adapters,
# as in ./platform (ADR 0036): JDK 25 stores some that it then cannot link, and warns at every start.
RUN java -XX:AOTCacheOutput=/app/app.aot -XX:-AOTClassLinking -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -Dspring.context.exit=onRefresh -Dspring.profiles.active=local \
      -Dspring.flyway.enabled=false -Dspring.jpa.hibernate.ddl-auto=none \
      -Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
      -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      -jar /app/app.jar >/tmp/training.log 2>&1 \
 || { cat /tmp/training.log >&2; exit 1; }; rm -f /tmp/training.log
ARG SERVICE
LABEL org.opencontainers.image.title="kaimono-${SERVICE}"
USER 10001
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]

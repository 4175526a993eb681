# syntax=docker/dockerfile:1

# One image for both roles of docker-compose.yml: the service (default) and the standalone engine
# (`--engine-only`). Build: docker build -t singletable:local .

# ---- build: the Maven wrapper compiles and packages target/singletable.jar ----
FROM eclipse-temurin:21-jdk-noble AS build
WORKDIR /workspace

# The wrapper and the POM first: the dependency download stays cached until pom.xml changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 chmod +x mvnw && ./mvnw -B -q dependency:go-offline

COPY src/ src/
# The tests run in CI (./mvnw verify), not in every image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

# Spring Boot's layered jar: dependencies, loader, snapshot dependencies and the application itself become separate
# image layers, so a code change rebuilds only the small last one.
RUN java -Djarmode=tools -jar target/singletable.jar extract --layers --destination target/extracted

# ---- runtime: a JRE, the four layers, and a user that is not root ----
FROM eclipse-temurin:21-jre-noble AS runtime

# curl for the health checks of docker-compose.yml (the JRE image ships none).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system singletable \
    && useradd --system --gid singletable --home-dir /app --no-create-home singletable \
    && mkdir -p /app /data \
    && chown singletable:singletable /data

WORKDIR /app
COPY --from=build /workspace/target/extracted/dependencies/ ./
COPY --from=build /workspace/target/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/target/extracted/application/ ./

USER singletable
# 8080: the service's HTTP API and actuator. 8000: the engine's DynamoDB wire protocol.
EXPOSE 8080 8000
# The engine's files (write-ahead log, snapshots), in both roles: the default ./data would be under /app, which the
# unprivileged user cannot write.
ENV SINGLETABLE_ENGINE_DATA_DIR=/data
VOLUME ["/data"]

# The heap sized from the container's memory limit rather than the JVM's default quarter of it.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "singletable.jar"]

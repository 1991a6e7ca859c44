# Multi-stage build of the union bot. Build: docker build -t unionbot .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY bot-core/pom.xml bot-core/
COPY persistence/pom.xml persistence/
COPY scheduler/pom.xml scheduler/
COPY adapters/web/pom.xml adapters/web/
COPY config/pom.xml config/
COPY bench/pom.xml bench/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -DskipTests -pl config -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl libaio1t64 libncurses6 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system unionbot && useradd --system --gid unionbot --home /app unionbot
WORKDIR /app
COPY --from=build /src/config/target/unionbot-exec.jar /app/unionbot.jar
RUN mkdir -p /app/data && chown -R unionbot:unionbot /app
USER unionbot
ENV UNIONBOT_DATA_DIR=/app/data JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/unionbot.jar"]

# Build stage: the Maven wrapper and a JDK 17.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
RUN ./mvnw -q -B -DskipTests package

# Run stage: a JRE, a non-root user, the knowledge base next to the jar, the database on a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app relohelp \
    && mkdir -p /app /data && chown relohelp /data
WORKDIR /app
COPY --from=build /src/target/relohelp.jar relohelp.jar
COPY config config
ENV RELOHELP_DATA_DIR=/data \
    RELOHELP_SANDBOX=false
VOLUME /data
USER relohelp
ENTRYPOINT ["java", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "relohelp.jar"]

# Build stage: the Maven wrapper and a JDK 17. The knowledge base (config/knowledge) is packaged into the jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY src src
COPY config/knowledge config/knowledge
RUN ./mvnw -q -B -DskipTests package

# Run stage: a JRE, a non-root user, the jar (with its knowledge base), and everything the bot writes — the
# database, its copy of the knowledge base, approved drafts — on the /data volume, which that user owns.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app relohelp \
    && mkdir -p /app /data && chown relohelp /data
WORKDIR /app
COPY --from=build /src/target/relohelp.jar relohelp.jar
ENV RELOHELP_DATA_DIR=/data \
    RELOHELP_SANDBOX=false
VOLUME /data
USER relohelp
ENTRYPOINT ["java", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "relohelp.jar"]

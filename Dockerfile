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
# bin/prepare-start extracts the jar and records the classes a start loads (Spring Boot's class data sharing), with
# this image's Java and the bot's JVM options: the bot then starts in about two thirds of the time.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app relohelp \
    && mkdir -p /app /data && chown relohelp /data
WORKDIR /app
ENV RELOHELP_DATA_DIR=/data \
    RELOHELP_SANDBOX=false \
    RELOHELP_JVM="-Xms32m -Xmx160m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
COPY bin/prepare-start /usr/local/bin/prepare-start
COPY --from=build /src/target/relohelp.jar /tmp/relohelp.jar
RUN prepare-start /tmp/relohelp.jar /app $RELOHELP_JVM && rm /tmp/relohelp.jar
VOLUME /data
USER relohelp
ENTRYPOINT ["sh", "-c", "exec java $RELOHELP_JVM -XX:SharedArchiveFile=relohelp.jsa -jar relohelp.jar"]

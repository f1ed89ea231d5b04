# ZEBRA Stream classifier image.
#   CPU:  docker build -t zebra-stream .
#   GPU:  docker build -t zebra-stream:gpu --build-arg MAVEN_PROFILE=gpu \
#           --build-arg RUNTIME_IMAGE=nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04 .
# The GPU image needs CUDA 12.x and cuDNN 9 (the runtime base image above has them) and a host
# with the NVIDIA container toolkit.
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MAVEN_PROFILE=""
WORKDIR /src
COPY pom.xml .
COPY schemas schemas
COPY src/main src/main
RUN mvn -q -B -DskipTests ${MAVEN_PROFILE:+-P$MAVEN_PROFILE} package

FROM ${RUNTIME_IMAGE}
# CUDA base images come without Java.
RUN command -v java >/dev/null || (apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
    && rm -rf /var/lib/apt/lists/*)
WORKDIR /opt/zebra
COPY --from=build /src/target/zebra-stream.jar ./
COPY --from=build /src/target/lib ./lib
COPY models models
ENV OPT_OUT_TRACKING=true \
    ZEBRA_MODEL_DIR=/opt/zebra/models/tiny-clap \
    ZEBRA_DATA_DIR=/var/lib/zebra
VOLUME /var/lib/zebra
EXPOSE 9404
ENTRYPOINT ["java", "-cp", "/opt/zebra/zebra-stream.jar:/opt/zebra/lib/*", "dev.zebrastream.cli.ZebraCli"]
CMD ["run"]

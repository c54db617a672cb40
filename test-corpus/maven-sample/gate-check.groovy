// Shared by the samples' verify scripts (not part of the samples themselves): runs the lint gate (`stowage check <this Maven project>`)
// from the jar the gate module just packaged — plain `java -jar`: the JVM flags in-process javac needs
// are in the jar's manifest (Add-Exports, Add-Opens, Enable-Native-Access) — with Maven computing
// the classpath from the private integration-test repository. Returns [exitCode, output].
def runGate(File jar, File basedir, File localRepositoryPath) {
    def javaHome = System.getProperty('java.home')
    assert jar.isFile() : "the gate's jar is missing: ${jar}"
    def command = ["${javaHome}/bin/java", "-Dmaven.repo.local=${localRepositoryPath.absolutePath}", '-jar', jar.path,
                   'check', '.', '--no-source', '--refresh-classpath']
    def process = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    process.waitFor()
    return [process.exitValue(), output]
}
return this

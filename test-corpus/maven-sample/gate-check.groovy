// Shared by the samples' verify scripts (not part of the samples themselves): runs the lint gate (`stowage check <this Maven project>`)
// from the jar the gate module just packaged, with Maven computing the classpath from the private
// integration-test repository. Returns [exitCode, output].
def runGate(File jar, File basedir, File localRepositoryPath) {
    def javaHome = System.getProperty('java.home')
    assert jar.isFile() : "the gate's jar is missing: ${jar}"
    def command = ["${javaHome}/bin/java", '--enable-native-access=ALL-UNNAMED']
    ['api', 'code', 'file', 'main', 'model', 'parser', 'processing', 'tree', 'util'].each {
        command << "--add-exports=jdk.compiler/com.sun.tools.javac.${it}=ALL-UNNAMED"
    }
    command << '--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED'
    command += ["-Dmaven.repo.local=${localRepositoryPath.absolutePath}", '-jar', jar.path,
                'check', '.', '--no-source', '--refresh-classpath']
    def process = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    process.waitFor()
    return [process.exitValue(), output]
}
return this

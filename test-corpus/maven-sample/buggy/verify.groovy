// The build failed (invoker.properties says it must); check it failed for the right reason, at the
// right place: a [pointer.stale] error on the line that writes through 'counts' after the grow.
def source = new File(basedir, 'src/main/java/sample/Inventory.java').readLines()
def expectedLine = source.findIndexOf { it.contains('counts.set(JAVA_LONG, 0, count);') } + 1
assert expectedLine > 0 : 'the sample lost its buggy line'
def log = new File(basedir, 'build.log').text
def matcher = log =~ /(?m)^\[ERROR\] .*sample[\/\\]Inventory\.java:\[(\d+),(\d+)\].*\[pointer\.stale\].*$/
assert matcher.find() : "no [pointer.stale] error for Inventory.java in build.log:\n" + log
assert matcher.group(1).toInteger() == expectedLine : "[pointer.stale] reported at line ${matcher.group(1)}, expected ${expectedLine}: ${matcher.group(0)}"
assert !(log =~ /cannot find symbol|package .* does not exist/) : 'the build failed for another reason:\n' + log
println "maven-sample-buggy failed as it must: ${matcher.group(0)}"

// The lint gate on the same Maven project agrees with the build: exit 1, the same finding.
def gate = new GroovyShell().parse(new File(samplesDirectory, 'gate-check.groovy')).runGate(new File(gateJar), basedir, localRepositoryPath)
assert gate[0] == 1 : "stowage check exited ${gate[0]}, expected 1:\n${gate[1]}"
assert gate[1].contains("src/main/java/sample/Inventory.java:${expectedLine}:") && gate[1].contains('error: [pointer.stale]') :
        "stowage check did not report the finding:\n${gate[1]}"
assert gate[1].contains('1 finding in 1 file checked') : gate[1]
return true

// The fixed build passed. Its pom is the buggy one's, processor and all, so the checker ran here too:
// the pass means the fix, not a missing checker.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/sample/Inventory.class').isFile() : 'Inventory was not compiled'
assert !(log =~ /\[pointer\.stale\]/) : 'the fixed sample still has a finding:\n' + log

// The lint gate on the same Maven project agrees: exit 0, no finding.
def gate = new GroovyShell().parse(new File(samplesDirectory, 'gate-check.groovy')).runGate(new File(gateJar), basedir, localRepositoryPath)
assert gate[0] == 0 : "stowage check exited ${gate[0]}, expected 0:\n${gate[1]}"
assert gate[1].contains('0 findings in 1 file checked') : gate[1]
return true

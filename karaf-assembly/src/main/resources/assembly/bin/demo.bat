@echo off
rem Starts the Partner Finance Portal as a DEMO (see bin/demo): bin\karaf.bat with -Dpf.demo=true, which installs
rem the pf-demo feature (demo users with a published password) once the portal has booted. Never for real data.
setlocal
set EXTRA_JAVA_OPTS=%EXTRA_JAVA_OPTS% -Dpf.demo=true
call "%~dp0karaf.bat" %*

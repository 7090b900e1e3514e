<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>campaign</name>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="77"/>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="77"/>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="154"/>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="69"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="78"/>
        <source>Area (ha)</source>
        <translation>Área (ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="78"/>
        <source>Partners</source>
        <translation>Socios</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="79"/>
        <source>Husk, % of gross</source>
        <translation>Cáscara, % del bruto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="79"/>
        <source>Net (t CO2e/yr)</source>
        <translation>Neto (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="80"/>
        <source>Net (kg CO2e/kg)</source>
        <translation>Neto (kg CO2e/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="80"/>
        <source>90 % of cases</source>
        <translation>9 de cada 10 casos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="81"/>
        <source>Report (kg/kg)</source>
        <translation>Informe (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="81"/>
        <source>Yield (kg/ha)</source>
        <translation>Rendimiento (kg/ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="82"/>
        <source>ha per partner</source>
        <translation>ha por socio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="82"/>
        <source>Net, % of gross</source>
        <translation>Neto, % del bruto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="83"/>
        <source>Avoid and reduce</source>
        <translation>Evitar y reducir</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="83"/>
        <source>Compensation</source>
        <translation>Compensación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="84"/>
        <source>From the sample (t CO2e/yr)</source>
        <translation>Desde la muestra (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="111"/>
        <source>TRAINING DATA — these are the ten cooperatives of the 2019 campaign (PROMPERÚ 2020 report), for workshops; they can be reset to the original.</source>
        <translation>DATOS DE FORMACIÓN — son las diez cooperativas de la campaña 2019 (informe PROMPERÚ 2020), para talleres; se pueden restablecer al original.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="145"/>
        <source>Region&apos;s cocoa area (ha):</source>
        <translation>Área de cacao de la región (ha):</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="156"/>
        <source>Ranking</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="157"/>
        <source>Share of net emissions</source>
        <translation>Parte de las emisiones netas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="158"/>
        <source>Stages of each cooperative</source>
        <translation>Etapas de cada cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="163"/>
        <source>Year over year</source>
        <translation>Año tras año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="291"/>
        <source>TRAINING DATA</source>
        <translation>DATOS DE FORMACIÓN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="293"/>
        <source>(1 incomplete survey left out)</source>
        <translation>(1 encuesta incompleta no se cuenta)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="294"/>
        <source>(%1 incomplete surveys left out)</source>
        <translation>(%1 encuestas incompletas no se cuentan)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="296"/>
        <source>GWP</source>
        <translation>PCG</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cells.py" line="44"/>
        <source>Total (sum of the cooperatives)</source>
        <translation>Total (suma de las cooperativas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="340"/>
        <source>%1 farms</source>
        <translation>%1 fincas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="351"/>
        <source>Reading the campaign&apos;s %1 surveys…</source>
        <translation>Leyendo las %1 encuestas de la campaña…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="363"/>
        <source>This campaign has no complete survey yet.</source>
        <translation>Esta campaña aún no tiene ninguna encuesta completa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="371"/>
        <source>A region is scaled up from two cooperatives or more.</source>
        <translation>Una región se extrapola desde dos cooperativas o más.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="380"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="389"/>
        <source>Net kg CO2e per kg of cocoa</source>
        <translation>kg CO2e netos por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="392"/>
        <source>Stages, % of each cooperative&apos;s gross emissions</source>
        <translation>Etapas, % de las emisiones brutas de cada cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="405"/>
        <source>% of the net emissions of the cooperatives that emit</source>
        <translation>% de las emisiones netas de las cooperativas que emiten</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/view.py" line="409"/>
        <source>Left out, net sinks: %1</source>
        <translation>Fuera, por ser sumideros netos: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="55"/>
        <source>Cooperative surveyed by a sample of farms</source>
        <translation>Cooperativa encuestada con una muestra de fincas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="61"/>
        <source>Extrapolate</source>
        <translation>Extrapolar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="70"/>
        <source>Partners of the cooperative</source>
        <translation>Socios de la cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="74"/>
        <source>Its total dry cocoa (kg/yr, from its records)</source>
        <translation>Su cacao seco total (kg/año, de sus registros)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="105"/>
        <source>What weighs most in the uncertainty:</source>
        <translation>Lo que más pesa en la incertidumbre:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="106"/>
        <location filename="../../cocoa_desktop/gui/wizard/interval_line.py" line="70"/>
        <source>Computing the 90 % interval…</source>
        <translation>Calculando el intervalo del 90 %…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="107"/>
        <source>Recommendations (avoid, reduce, restore, compensate)</source>
        <translation>Recomendaciones (evitar, reducir, restaurar, compensar)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="108"/>
        <source>Nothing to recommend from these data.</source>
        <translation>Nada que recomendar con estos datos.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="109"/>
        <source>The report (§7):</source>
        <translation>El informe (§7):</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="150"/>
        <source>Type the cooperative&apos;s partners and its total dry cocoa.</source>
        <translation>Escriba los socios de la cooperativa y su cacao seco total.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="162"/>
        <source>For ±10 % about 1 farm would be needed (%2 surveyed).</source>
        <translation>Para ±10 % haría falta alrededor de 1 finca (se encuestaron %2).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/cooperative_detail.py" line="163"/>
        <source>For ±10 % about %1 farms would be needed (%2 surveyed).</source>
        <translation>Para ±10 % harían falta unas %1 fincas (se encuestaron %2).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="70"/>
        <source>Before (kg/kg)</source>
        <translation>Antes (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="71"/>
        <source>Now (kg/kg)</source>
        <translation>Ahora (kg/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="72"/>
        <source>What changed and why</source>
        <translation>Qué cambió y por qué</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="79"/>
        <source>Compare with the campaign:</source>
        <translation>Comparar con la campaña:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="90"/>
        <source>(choose a campaign)</source>
        <translation>(elija una campaña)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/campaign/year_over_year_tab.py" line="109"/>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="78"/>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="172"/>
        <source>Resolve a conflict</source>
        <translation>Resolver un conflicto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="83"/>
        <source>Section / field</source>
        <translation>Sección / dato</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="83"/>
        <source>This laptop</source>
        <translation>Esta computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="84"/>
        <source>Other laptop</source>
        <translation>La otra computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="84"/>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="87"/>
        <source>Keep &amp;this laptop&apos;s version</source>
        <translation>Conservar la versión de &amp;esta computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="90"/>
        <source>Keep the &amp;other laptop&apos;s version</source>
        <translation>Conservar la versión de la &amp;otra computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="93"/>
        <source>Keep what is &amp;chosen per section</source>
        <translation>Conservar lo e&amp;legido en cada sección</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="96"/>
        <source>Decide &amp;later</source>
        <translation>&amp;Decidir después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="120"/>
        <source>This survey has no conflict to resolve.</source>
        <translation>Esta encuesta no tiene conflictos por resolver.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="126"/>
        <source>This survey was changed on this laptop and on another one (file %1, found on %2). The values that differ are highlighted. Choose which version to keep, or choose per section.</source>
        <translation>Esta encuesta se modificó en esta computadora y en otra (archivo %1, detectado el %2). Los datos que difieren están resaltados. Elija qué versión conservar, o elija por sección.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="132"/>
        <source>(1 more after this one)</source>
        <translation>(queda 1 más después de este)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="133"/>
        <source>(%1 more after this one)</source>
        <translation>(quedan %1 más después de este)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="149"/>
        <source>this laptop</source>
        <translation>esta computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/conflict_dialog.py" line="150"/>
        <source>other laptop</source>
        <translation>la otra computadora</translation>
    </message>
</context>
<context>
    <name>decisions</name>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/menu.py" line="20"/>
        <source>Campaign view</source>
        <translation>Vista de campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/menu.py" line="21"/>
        <source>Select a campaign first.</source>
        <translation>Seleccione primero una campaña.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/window.py" line="23"/>
        <source>Campaign and scenarios — %1</source>
        <translation>Campaña y escenarios — %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/window.py" line="29"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/window.py" line="30"/>
        <source>Scenarios</source>
        <translation>Escenarios</translation>
    </message>
</context>
<context>
    <name>economics</name>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="66"/>
        <source>Years after year 0</source>
        <translation>Años después del año 0</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="67"/>
        <source>Discount rate</source>
        <translation>Tasa de descuento</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="68"/>
        <source>Cocoa area</source>
        <translation>Área de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="69"/>
        <source>Dry cocoa yield</source>
        <translation>Rendimiento de cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="70"/>
        <source>Losses and self-consumption</source>
        <translation>Pérdidas y autoconsumo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="71"/>
        <source>Dry cocoa price</source>
        <translation>Precio del cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="72"/>
        <source>Production cost</source>
        <translation>Costo de producción</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="73"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="75"/>
        <source>Carbon price</source>
        <translation>Precio del carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="76"/>
        <source>Exchange rate</source>
        <translation>Tipo de cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="77"/>
        <source>Registry fee per credit</source>
        <translation>Tarifa del registro por crédito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="79"/>
        <source>Farmers&apos; share of carbon income</source>
        <translation>Parte de los productores en el ingreso por carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="93"/>
        <source>Load the APROCAM 2024 example</source>
        <translation>Cargar el ejemplo APROCAM 2024</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="94"/>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="224"/>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="233"/>
        <source>Open project…</source>
        <translation>Abrir proyecto…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="95"/>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="238"/>
        <source>Save project as…</source>
        <translation>Guardar proyecto como…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="96"/>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="256"/>
        <source>Export to Excel…</source>
        <translation>Exportar a Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="120"/>
        <source>Cash flow</source>
        <translation>Flujo de caja</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="129"/>
        <source>Calculate</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="137"/>
        <source>NPV (year 0 not discounted)</source>
        <translation>VAN (año 0 sin descontar)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="138"/>
        <source>NPV, spreadsheet convention (also discounts year 0)</source>
        <translation>VAN, convención de hoja de cálculo (descuenta también el año 0)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="139"/>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="347"/>
        <source>IRR</source>
        <translation>TIR</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="140"/>
        <source>B/C (PV gross benefits ÷ PV gross costs)</source>
        <translation>B/C (VA beneficios brutos ÷ VA costos brutos)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="141"/>
        <source>Payback year (cumulative flow ≥ 0)</source>
        <translation>Año de recuperación (flujo acumulado ≥ 0)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="142"/>
        <source>Farm break-even yield (no carbon)</source>
        <translation>Rendimiento de equilibrio de la finca (sin carbono)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="170"/>
        <source>Cash flow by year (PEN)</source>
        <translation>Flujo de caja por año (PEN)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="171"/>
        <source>Sensitivity (variables and steps of the paper’s Table 11)</source>
        <translation>Sensibilidad (variables y pasos de la Tabla 11 del artículo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="214"/>
        <source>Enter a value for “%1”.</source>
        <translation>Indique un valor para «%1».</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="299"/>
        <source>%1 kg/ha (yield %2; literature %3)</source>
        <translation>%1 kg/ha (rendimiento %2; literatura %3)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="310"/>
        <source>none: the NPV stays positive even at %1</source>
        <translation>no existe: el VAN sigue positivo incluso con %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="315"/>
        <source>Break-even (NPV = 0, IRR = discount rate)</source>
        <translation>Punto de equilibrio (VAN = 0, TIR = tasa de descuento)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="318"/>
        <source>Where the published source contradicts itself</source>
        <translation>Dónde se contradice la fuente publicada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="327"/>
        <source>Net flow</source>
        <translation>Flujo neto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="327"/>
        <source>Cumulative</source>
        <translation>Acumulado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="329"/>
        <source>Credits (t CO2)</source>
        <translation>Créditos (t CO2)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="331"/>
        <source>Farmers&apos; share</source>
        <translation>Parte de los productores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="335"/>
        <source>Year %1</source>
        <translation>Año %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="345"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="345"/>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="346"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="346"/>
        <source>NPV</source>
        <translation>VAN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="347"/>
        <source>NPV (spreadsheet)</source>
        <translation>VAN (hoja de cálculo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="367"/>
        <source>Cash flow by year</source>
        <translation>Flujo de caja por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="368"/>
        <source>Gross benefits</source>
        <translation>Beneficios brutos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="368"/>
        <source>Gross costs</source>
        <translation>Costos brutos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="369"/>
        <source>Cumulative net flow</source>
        <translation>Flujo neto acumulado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="369"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="370"/>
        <source>thousand PEN</source>
        <translation>miles de PEN</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="372"/>
        <source>NPV (thousand PEN) with each variable 20 % lower (red) and higher (green)</source>
        <translation>VAN (miles de PEN) con cada variable 20 % menor (rojo) y mayor (verde)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="388"/>
        <source>Carbon credits and sampling plan</source>
        <translation>Créditos de carbono y plan de muestreo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="391"/>
        <source>Carbon-credit project</source>
        <translation>Proyecto de créditos de carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/economics_window.py" line="392"/>
        <source>Survey sampling plan</source>
        <translation>Plan de muestreo de la encuesta</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="56"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="58"/>
        <source>Survey covers</source>
        <translation>La encuesta abarca</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="60"/>
        <source>Farm (if one farm)</source>
        <translation>Finca (si es una sola)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="61"/>
        <source>Campaign year</source>
        <translation>Año de la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="63"/>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="64"/>
        <source>Producers (partners)</source>
        <translation>Productores (socios)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="65"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="69"/>
        <source>Productive area</source>
        <translation>Área productiva</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="71"/>
        <source>Dry cocoa delivered</source>
        <translation>Cacao seco entregado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="73"/>
        <source>Wet cocoa bought</source>
        <translation>Cacao en baba comprado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="74"/>
        <source>Wet → dry ratio</source>
        <translation>Relación baba → seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="76"/>
        <source>Cocoa trees</source>
        <translation>Árboles de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="77"/>
        <source>Shade trees</source>
        <translation>Árboles de sombra</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="80"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="81"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="165"/>
        <source>Area</source>
        <translation>Área</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="104"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="116"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="133"/>
        <source>Amount</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="105"/>
        <source>or per hectare</source>
        <translation>o por hectárea</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="106"/>
        <source>× area</source>
        <translation>× área</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="112"/>
        <source>Active ingredient</source>
        <translation>Ingrediente activo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="117"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="134"/>
        <source>Purpose</source>
        <translation>Para qué</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="139"/>
        <source>Bags</source>
        <translation>Envases</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="140"/>
        <source>Weight of one empty bag</source>
        <translation>Peso de un envase vacío</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="142"/>
        <source>or weight of all empty bags</source>
        <translation>o peso de todos los envases vacíos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="150"/>
        <source>Trips</source>
        <translation>Viajes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="151"/>
        <source>One-way distance</source>
        <translation>Distancia de ida</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="155"/>
        <source>Load</source>
        <translation>Carga</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="166"/>
        <source>Year or first year</source>
        <translation>Año o primer año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="167"/>
        <source>Last year (period)</source>
        <translation>Último año (periodo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="79"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="92"/>
        <source>Husk per kg of dry cocoa (optional)</source>
        <translation>Cáscara por kg de cacao seco (opcional)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="97"/>
        <source>Fertiliser data was collected</source>
        <translation>Se recogieron datos de abonamiento</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="102"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="110"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="138"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="103"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="107"/>
        <source>Nitrogen</source>
        <translation>Nitrógeno</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="111"/>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="115"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="132"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="153"/>
        <source>Fuel</source>
        <translation>Combustible</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="121"/>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="122"/>
        <source>Share of the cocoa fermented</source>
        <translation>Parte del cacao que se fermenta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="123"/>
        <source>Share fermented on the farm</source>
        <translation>Parte fermentada en la finca</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="130"/>
        <source>Electricity for drying</source>
        <translation>Electricidad para el secado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="143"/>
        <source>Uses per bag</source>
        <translation>Usos por envase</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="148"/>
        <source>Leg</source>
        <translation>Tramo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="149"/>
        <source>Vehicle</source>
        <translation>Vehículo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="152"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="154"/>
        <source>Fuel used, if known</source>
        <translation>Combustible usado, si se sabe</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="160"/>
        <source>Shade-tree inventory (notes)</source>
        <translation>Inventario de árboles de sombra (notas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="168"/>
        <source>Previous use</source>
        <translation>Uso anterior</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="169"/>
        <source>Source of the information</source>
        <translation>Fuente de la información</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="150"/>
        <source>“%1” is not a number</source>
        <translation>«%1» no es un número</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="153"/>
        <source>“%1” must be a whole number</source>
        <translation>«%1» debe ser un número entero</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="162"/>
        <source>“%1” can be read as %2%4 or as %3%4: this field can have decimals, so the point could group thousands or mark the decimals. Write %2 or %3.</source>
        <translation>«%1» puede leerse como %2%4 o como %3%4: este dato puede tener decimales, así que el punto podría separar miles o marcar decimales. Escriba %2 o %3.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="196"/>
        <source>%1 % is more than 100 %: write the percentage (0 to 100), e.g. 60 for 60 %</source>
        <translation>%1 % es más de 100 %: escriba el porcentaje (de 0 a 100), por ejemplo 60 para 60 %</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="199"/>
        <source>A percentage cannot be negative</source>
        <translation>Un porcentaje no puede ser negativo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="252"/>
        <source>(unknown)</source>
        <translation>(no se sabe)</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <location filename="../../cocoa_desktop/gui/help.py" line="50"/>
        <location filename="../../cocoa_desktop/gui/help.py" line="71"/>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/help.py" line="56"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/help.py" line="57"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
</context>
<context>
    <name>hints</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="57"/>
        <source>Full name of the cooperative, as on its documents.</source>
        <translation>Nombre completo de la cooperativa, como en sus documentos.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="59"/>
        <source>A whole cooperative, or one farm whose results add up into its cooperative.</source>
        <translation>Toda una cooperativa, o una finca cuyos resultados se suman a su cooperativa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="60"/>
        <source>Only when the survey covers a single farm: the producer&apos;s farm name.</source>
        <translation>Solo si la encuesta es de una finca: el nombre de la finca del productor.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="62"/>
        <source>The year the harvest was sold, e.g. 2024.</source>
        <translation>El año en que se vendió la cosecha, por ejemplo 2024.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="63"/>
        <source>Department where the cocoa is grown, e.g. San Martín.</source>
        <translation>Departamento donde se cultiva el cacao, por ejemplo San Martín.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="64"/>
        <source>Number of producers covered; 1 for a single farm.</source>
        <translation>Número de productores incluidos; 1 si es una finca.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="70"/>
        <source>Hectares of cocoa in production (decimals allowed: 1,5 ha).</source>
        <translation>Hectáreas de cacao en producción (se admiten decimales: 1,5 ha).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="72"/>
        <source>Kilograms of dry cocoa delivered in the year (240.000 is read as 240 000). If you only know wet cocoa, leave this empty and fill in the two fields below.</source>
        <translation>Kilogramos de cacao seco entregados en el año (240.000 se lee como 240 000). Si solo conoce el cacao en baba, deje esto vacío y llene los dos campos de abajo.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="75"/>
        <source>Kilograms of dry cocoa per kilogram of wet cocoa (about 0,38).</source>
        <translation>Kilogramos de cacao seco por kilogramo de cacao en baba (alrededor de 0,38).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="76"/>
        <source>Optional: planting density, e.g. 1.111 at 3 × 3 m.</source>
        <translation>Opcional: densidad de siembra, por ejemplo 1.111 a 3 × 3 m.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="93"/>
        <source>Leave empty to use the factor set&apos;s value (8,5).</source>
        <translation>Déjelo vacío para usar el valor del conjunto de factores (8,5).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="108"/>
        <source>The amount a year, or the amount per hectare and the hectares it goes on. Nitrogen: the N % on the sack. Left empty, a product whose content is standard gets it, shown in grey (urea 46, guano de isla 10, lime 0; an NPK or foliar named ammonium nitrate or sulphate, DAP, MAP, calcium nitrate or with its grade, e.g. 15-15-15); any other product needs it.</source>
        <translation>La cantidad al año, o la cantidad por hectárea y las hectáreas abonadas. Nitrógeno: el % de N del saco. Si se deja vacío, un producto de contenido conocido lo toma, mostrado en gris (urea 46, guano de isla 10, cal 0; un NPK o foliar llamado nitrato o sulfato de amonio, DAP, MAP, nitrato de calcio o con su fórmula, p. ej. 15-15-15); cualquier otro producto lo necesita.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="73"/>
        <source>Only if dry cocoa is not known: kilograms of wet (baba) cocoa bought in the year.</source>
        <translation>Solo si no se conoce el cacao seco: kilos de cacao en baba comprados en el año.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="65"/>
        <source>Anything worth keeping about this survey: who answered, what was estimated, what to check next time.</source>
        <translation>Lo que valga la pena guardar de esta encuesta: quién respondió, qué se estimó, qué revisar la próxima vez.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="77"/>
        <source>Optional: timber or fruit trees giving shade.</source>
        <translation>Opcional: árboles maderables o frutales que dan sombra.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="82"/>
        <source>Used for sequestration by the IPCC 2006 + AR5 factor set; the PROMPERÚ 2020 set computes sequestration per kg of cocoa, as the report did.</source>
        <translation>El conjunto de factores IPCC 2006 + AR5 las usa para el secuestro; el conjunto PROMPERÚ 2020 calcula el secuestro por kg de cacao, como el informe.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="85"/>
        <source>Percent of the husk by weight. For a whole cooperative, weigh each farm by its production: a plain average of farms is wrong.</source>
        <translation>Porcentaje de la cáscara en peso. Para toda una cooperativa, pondere cada finca por su producción: un promedio simple de fincas es incorrecto.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="98"/>
        <source>Untick only if there is no information: the factor set&apos;s per-hectare value is then used and the results say so.</source>
        <translation>Desmárquelo solo si no hay información: se usará el valor por hectárea del conjunto de factores y los resultados lo indicarán.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="113"/>
        <source>Kilograms of active ingredient a year (the product&apos;s amount × its concentration).</source>
        <translation>Kilogramos de ingrediente activo al año (cantidad del producto × su concentración).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="118"/>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="135"/>
        <source>Litres a year for gasoline and diesel, kilograms for LPG and firewood.</source>
        <translation>Litros al año para gasolina y diésel; kilogramos para GLP y leña.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="121"/>
        <source>The usual way of fermenting in this unit.</source>
        <translation>La forma habitual de fermentar en esta unidad.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="122"/>
        <source>Usually 100 %: all the cocoa delivered is fermented.</source>
        <translation>Normalmente 100 %: todo el cacao entregado se fermenta.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="123"/>
        <source>The rest is fermented at the cooperative&apos;s plant.</source>
        <translation>El resto se fermenta en la planta de la cooperativa.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="126"/>
        <source>Percent of the cocoa dried each way.</source>
        <translation>Porcentaje del cacao secado de cada forma.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="130"/>
        <source>From the electricity bill of the dryers, if any. Sun drying emits nothing.</source>
        <translation>Del recibo de luz de las secadoras, si las hay. El secado al sol no emite.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="141"/>
        <source>What one empty bag weighs, not the cocoa it holds: a polypropylene sack weighs about 0,1 kg.</source>
        <translation>Lo que pesa un envase vacío, no el cacao que lleva: un saco de polipropileno pesa alrededor de 0,1 kg.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="144"/>
        <source>Per bag type: the number of bags and the weight of ONE EMPTY bag (about 0,1 kg, not the 60 kg of cocoa it holds), or the total weight of the empty bags. Uses: how many times a bag is filled before it is thrown away.</source>
        <translation>Por tipo de envase: el número de envases y el peso de UN ENVASE VACÍO (alrededor de 0,1 kg, no los 60 kg de cacao que lleva), o el peso total de los envases vacíos. Usos: cuántas veces se llena un envase antes de desecharlo.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="156"/>
        <source>Give trips and the one-way distance, or the litres of fuel a year with the fuel: when litres are given they are used (a more direct measurement) and the distance may stay empty.</source>
        <translation>Indique los viajes y la distancia de ida, o los litros de combustible al año con el combustible: si hay litros se usan (es una medida más directa) y la distancia puede quedar vacía.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="160"/>
        <source>Species and number of shade trees, if counted.</source>
        <translation>Especies y número de árboles de sombra, si se contaron.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="170"/>
        <source>Land turned into cocoa: hectares, when it was converted and what it was before. When: a year (e.g. 2015); a period as its first and last year (e.g. 2001 and 2017); both empty if unknown. PAS 2050 spreads it over 20 years: an unknown year counts as within the last 20 years, a period from its first year; only a change more than 20 years old counts 0.</source>
        <translation>Tierra convertida en cacao: hectáreas, cuándo se convirtió y qué era antes. Cuándo: un año (p. ej. 2015); un periodo, con su primer y último año (p. ej. 2001 y 2017); ambos vacíos si no se conoce. PAS 2050 lo reparte en 20 años: un año desconocido cuenta como dentro de los últimos 20 años, un periodo desde su primer año; solo un cambio de hace más de 20 años cuenta 0.</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="35"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="35"/>
        <source>Origin</source>
        <translation>Origen</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="36"/>
        <source>Section</source>
        <translation>Sección</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="36"/>
        <source>Field</source>
        <translation>Dato</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="37"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="37"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="50"/>
        <source>edited on this laptop</source>
        <translation>editado en esta computadora</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="51"/>
        <source>imported from %1</source>
        <translation>importado de %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="52"/>
        <source>conflict resolved: version of %1</source>
        <translation>conflicto resuelto: versión de %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="53"/>
        <source>conflict resolved section by section with %1</source>
        <translation>conflicto resuelto sección por sección con %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="54"/>
        <source>conflict resolved: this laptop&apos;s version kept (against %1)</source>
        <translation>conflicto resuelto: se conservó la versión de esta computadora (frente a %1)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="55"/>
        <source>conflict resolved on the other laptop: its choice came in %1</source>
        <translation>conflicto resuelto en la otra computadora: su elección llegó en %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="56"/>
        <source>damaged on disk, recovered from the backup %1</source>
        <translation>dañado en el disco, recuperado de la copia de seguridad %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="57"/>
        <source>damaged on disk, no good copy: set aside</source>
        <translation>dañado en el disco, sin copia sana: apartado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="58"/>
        <source>restored as before %1</source>
        <translation>restaurado como antes del %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="91"/>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="195"/>
        <source>Change history</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="101"/>
        <source>&amp;Export (CSV)…</source>
        <translation>E&amp;xportar (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="188"/>
        <source>Export (CSV)…</source>
        <translation>Exportar (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="104"/>
        <source>&amp;Restore as it was before the selected change…</source>
        <translation>&amp;Restaurar como estaba antes del cambio seleccionado…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="108"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="144"/>
        <source>(1 field)</source>
        <translation>(1 dato)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="145"/>
        <source>(%1 fields)</source>
        <translation>(%1 datos)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="151"/>
        <source>1 change recorded. Changes are recorded from the moment a survey is first completed (its results shown).</source>
        <translation>1 cambio registrado. Los cambios se registran desde que la encuesta se completa por primera vez (se muestran sus resultados).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="153"/>
        <source>%1 changes recorded. Changes are recorded from the moment a survey is first completed (its results shown).</source>
        <translation>%1 cambios registrados. Los cambios se registran desde que la encuesta se completa por primera vez (se muestran sus resultados).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="189"/>
        <source>history</source>
        <translation>historial</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="196"/>
        <source>Could not write the file: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="222"/>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="229"/>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/history/view.py" line="220"/>
        <source>Put the survey back as it was before the change of %1? The restore is recorded in this history too, so it can be undone.</source>
        <translation>¿Dejar la encuesta como estaba antes del cambio del %1? La restauración también queda en este historial, así que se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/jobs.py" line="58"/>
        <source>The file could not be read or written: %1</source>
        <translation>No se pudo leer o escribir el archivo: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/jobs.py" line="61"/>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelado: no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/jobs.py" line="64"/>
        <source>Unexpected error (%1): nothing was changed.</source>
        <translation>Error inesperado (%1): no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/jobs.py" line="151"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="64"/>
        <source>Cocoa carbon footprint — San Martín</source>
        <translation>Huella de carbono del cacao — San Martín</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="68"/>
        <source>Campaign / cooperative / survey</source>
        <translation>Campaña / cooperativa / encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="68"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="272"/>
        <source>New campaign</source>
        <translation>Nueva campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="36"/>
        <source>New survey</source>
        <translation>Nueva encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="23"/>
        <source>&amp;Survey</source>
        <translation>&amp;Encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="23"/>
        <source>&amp;Campaign</source>
        <translation>&amp;Campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="24"/>
        <source>&amp;Packages and Excel</source>
        <translation>&amp;Paquetes y Excel</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="24"/>
        <source>&amp;Decisions</source>
        <translation>&amp;Decisiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="73"/>
        <source>Read only: the data folder cannot be written (full disk, a folder without permission, or a file another program holds). You can look at surveys and results and export them to another folder (e.g. a USB stick), but nothing can be changed or saved.</source>
        <translation>Solo lectura: no se puede escribir en la carpeta de datos (disco lleno, carpeta sin permiso o un archivo que otro programa tiene abierto). Puede ver las encuestas y los resultados y exportarlos a otra carpeta (por ejemplo una memoria USB), pero no se puede cambiar ni guardar nada.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/settings_panel.py" line="44"/>
        <source>Global warming potential (GWP)</source>
        <translation>Potencial de calentamiento global (PCG)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="101"/>
        <source>Opening the data…</source>
        <translation>Abriendo los datos…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="25"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="32"/>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="37"/>
        <source>Open / resume</source>
        <translation>Abrir / continuar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="38"/>
        <source>Duplicate into next campaign</source>
        <translation>Duplicar en la campaña siguiente</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="40"/>
        <source>Change history…</source>
        <translation>Historial de cambios…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="41"/>
        <source>Resolve conflict…</source>
        <translation>Resolver conflicto…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="43"/>
        <source>Delete survey…</source>
        <translation>Borrar encuesta…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="44"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="45"/>
        <source>New campaign…</source>
        <translation>Nueva campaña…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="60"/>
        <source>Carbon credits and sampling plan…</source>
        <translation>Créditos de carbono y plan de muestreo…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="62"/>
        <source>Campaign view and scenarios…</source>
        <translation>Vista de campaña y escenarios…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="65"/>
        <source>Install the training campaign (San Martín 2019, 10 cooperatives)</source>
        <translation>Instalar la campaña de formación (San Martín 2019, 10 cooperativas)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="67"/>
        <source>Reset the training campaign…</source>
        <translation>Restablecer la campaña de formación…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="69"/>
        <source>PDF report for buyers…</source>
        <translation>Informe PDF para compradores…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="71"/>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="72"/>
        <source>Getting started</source>
        <translation>Primeros pasos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="73"/>
        <source>The calculation method</source>
        <translation>El método de cálculo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="75"/>
        <source>Training workshop (exercises)</source>
        <translation>Taller de formación (ejercicios)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="116"/>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="152"/>
        <source>Select a survey (a line under a cooperative) to open, duplicate or delete it; Enter opens it.</source>
        <translation>Seleccione una encuesta (una línea debajo de una cooperativa) para abrirla, duplicarla o borrarla; Intro la abre.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/settings_panel.py" line="74"/>
        <source>The factor set&apos;s own: %1</source>
        <translation>El del conjunto de factores: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="225"/>
        <source>Footprints %p %</source>
        <translation>Huellas %p %</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="226"/>
        <source>Computing the net footprint of every survey; the tree can be used meanwhile</source>
        <translation>Calculando la huella neta de cada encuesta; mientras tanto puede usar el árbol</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="362"/>
        <source>Copied into %1.</source>
        <translation>Copiada en %1.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="417"/>
        <source>The daily backup failed: %1</source>
        <translation>Falló la copia de seguridad diaria: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="420"/>
        <source>Daily backup made: %1</source>
        <translation>Copia de seguridad diaria hecha: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="46"/>
        <source>Load the San Martín 2020 examples</source>
        <translation>Cargar los ejemplos San Martín 2020</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="72"/>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="48"/>
        <source>Export surveys to a package (USB)…</source>
        <translation>Exportar encuestas a un paquete (USB)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="114"/>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="50"/>
        <source>Import a package…</source>
        <translation>Importar un paquete…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="72"/>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="52"/>
        <source>Export campaign to Excel…</source>
        <translation>Exportar la campaña a Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="96"/>
        <location filename="../../cocoa_desktop/gui/main/menus.py" line="54"/>
        <source>Import from Excel…</source>
        <translation>Importar desde Excel…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/settings_panel.py" line="43"/>
        <source>Factor set</source>
        <translation>Conjunto de factores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/settings_panel.py" line="45"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="69"/>
        <source>Net (kg CO2e/kg)</source>
        <translation>Neto (kg CO2e/kg)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="70"/>
        <source>Net emissions per kg of dry cocoa with the chosen factor set; a cooperative and a campaign sum their surveys</source>
        <translation>Emisiones netas por kg de cacao seco con el conjunto de factores elegido; una cooperativa y una campaña suman sus encuestas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="107"/>
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="105"/>
        <source>complete</source>
        <translation>completa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="105"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="106"/>
        <source>conflict to resolve</source>
        <translation>conflicto por resolver</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="107"/>
        <source>whole cooperative</source>
        <translation>toda la cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="130"/>
        <source>1 survey</source>
        <translation>1 encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="131"/>
        <source>%1 surveys</source>
        <translation>%1 encuestas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/survey_tree.py" line="106"/>
        <source>whole region</source>
        <translation>toda la región</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="272"/>
        <source>Campaign year</source>
        <translation>Año de la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="368"/>
        <source>Delete survey</source>
        <translation>Borrar encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/main/window.py" line="369"/>
        <source>Delete this survey and everything typed in it?</source>
        <translation>¿Borrar esta encuesta y todo lo que se escribió en ella?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="61"/>
        <source>Workbook written: %1</source>
        <translation>Libro escrito: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="63"/>
        <source>Exporting to Excel</source>
        <translation>Exportando a Excel</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="70"/>
        <source>Select a campaign first.</source>
        <translation>Primero seleccione una campaña.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="91"/>
        <source>Importing from Excel</source>
        <translation>Importando desde Excel</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="114"/>
        <source>Form for phones written (%1 questions): %2</source>
        <translation>Formulario para teléfonos escrito (%1 preguntas): %2</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="121"/>
        <source>survey.xlsx</source>
        <translation>encuesta.xlsx</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/workbooks.py" line="128"/>
        <source>Form for phones (ODK Collect, KoboToolbox)…</source>
        <translation>Formulario para teléfonos (ODK Collect, KoboToolbox)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="29"/>
        <source>Import phone submissions (KoboToolbox, ODK Central)…</source>
        <translation>Importar envíos de teléfonos (KoboToolbox, ODK Central)…</translation>
    </message>
</context>
<context>
    <name>packages</name>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="38"/>
        <source>Checking the surveys…</source>
        <translation>Revisando las encuestas…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="51"/>
        <source>1 survey exported to %2.</source>
        <translation>1 encuesta exportada a %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="52"/>
        <source>%1 surveys exported to %2.</source>
        <translation>%1 encuestas exportadas a %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="55"/>
        <source>1 incomplete survey stayed on this laptop: finish it first.</source>
        <translation>1 encuesta incompleta se quedó en esta computadora: complétela primero.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="57"/>
        <source>%1 incomplete surveys stayed on this laptop: finish them first.</source>
        <translation>%1 encuestas incompletas se quedaron en esta computadora: complételas primero.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="61"/>
        <source>Package exported</source>
        <translation>Paquete exportado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="64"/>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="108"/>
        <source>Package</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="65"/>
        <source>Exporting surveys</source>
        <translation>Exportando encuestas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="71"/>
        <source>surveys</source>
        <translation>encuestas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="73"/>
        <source>Survey package (*.cacao.zip)</source>
        <translation>Paquete de encuestas (*.cacao.zip)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="87"/>
        <source>Reading and checking the file…</source>
        <translation>Leyendo y revisando el archivo…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="93"/>
        <source>Merging the surveys…</source>
        <translation>Uniendo las encuestas…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="101"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Importación cancelada: no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="102"/>
        <source>Surveys changed here and on the other laptop are marked “conflict to resolve”: select one and choose Survey → Resolve conflict.</source>
        <translation>Las encuestas cambiadas aquí y en la otra computadora quedan marcadas «conflicto por resolver»: seleccione una y elija Encuesta → Resolver conflicto.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="105"/>
        <source>Package imported</source>
        <translation>Paquete importado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="109"/>
        <source>Importing surveys</source>
        <translation>Importando encuestas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/packages.py" line="115"/>
        <source>Survey package or file (*.cacao.zip *.zip *.json)</source>
        <translation>Paquete o archivo de encuestas (*.cacao.zip *.zip *.json)</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="69"/>
        <source>Review and results</source>
        <translation>Revisión y resultados</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="70"/>
        <source>The footprint with the chosen factor set, and how each number was computed.</source>
        <translation>La huella con el conjunto de factores elegido, y cómo se calculó cada número.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="148"/>
        <source>Total %1 % — complete</source>
        <translation>Total %1 % — completo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="150"/>
        <source>Total %1 % — %2 % too much</source>
        <translation>Total %1 % — sobran %2 %</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="152"/>
        <source>Total %1 % — %2 % left to assign</source>
        <translation>Total %1 % — faltan %2 % por asignar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="155"/>
        <source>(type percentages: 40 for 40 %, not 0,4)</source>
        <translation>(escriba porcentajes: 40 para 40 %, no 0,4)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/page.py" line="306"/>
        <source>Check the values marked ⚠. If they are right, press Next again to go on.</source>
        <translation>Revise los datos marcados con ⚠. Si son correctos, pulse Siguiente otra vez para continuar.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="54"/>
        <source>Organisation and campaign</source>
        <translation>Organización y campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="55"/>
        <source>Who is surveyed, in which campaign, and by whom.</source>
        <translation>A quién se encuesta, en qué campaña y quién encuesta.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="67"/>
        <source>Production and areas</source>
        <translation>Producción y áreas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="68"/>
        <source>How much dry cocoa was delivered, and on how many hectares.</source>
        <translation>Cuánto cacao seco se entregó y en cuántas hectáreas.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="83"/>
        <source>Husk management</source>
        <translation>Manejo de la cáscara</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="84"/>
        <source>What happens to the cocoa pod husk, in percent of its weight. The shares must add up to 100 %.</source>
        <translation>Qué pasa con la cáscara de la mazorca, en porcentaje de su peso. Los porcentajes deben sumar 100 %.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="125"/>
        <source>How the cocoa is dried, in percent of the cocoa. The shares must add up to 100 %.</source>
        <translation>Cómo se seca el cacao, en porcentaje del cacao. Los porcentajes deben sumar 100 %.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="146"/>
        <source>Each leg from the farm to the port: trips and one-way distance, or the fuel burned if known.</source>
        <translation>Cada tramo de la finca al puerto: viajes y distancia de ida, o el combustible gastado si se sabe.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="95"/>
        <source>Fertilisation, composting and pest control</source>
        <translation>Abonamiento, compostaje y control de plagas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="96"/>
        <source>Every product applied in the year, with its nitrogen content.</source>
        <translation>Cada producto aplicado en el año, con su contenido de nitrógeno.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="120"/>
        <source>Fermentation</source>
        <translation>Fermentación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="120"/>
        <source>How the cocoa is fermented.</source>
        <translation>Cómo se fermenta el cacao.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="125"/>
        <source>Drying</source>
        <translation>Secado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="136"/>
        <source>Packaging</source>
        <translation>Envasado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="136"/>
        <source>The bags used in the year for the dry cocoa.</source>
        <translation>Los envases usados en el año para el cacao seco.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="145"/>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="157"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="158"/>
        <source>Carbon taken up by the cocoa and its shade trees. Areas by system and age are on the production page.</source>
        <translation>Carbono que fijan el cacao y sus árboles de sombra. Las áreas por sistema y edad están en la página de producción.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="162"/>
        <source>Land-use change</source>
        <translation>Cambio de uso del suelo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="163"/>
        <source>Forest or other land converted to cocoa, with the year or period of conversion if known.</source>
        <translation>Bosque u otras tierras convertidas en cacao, con el año o el periodo de la conversión si se conoce.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="36"/>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="41"/>
        <source>Report written: %1</source>
        <translation>Informe escrito: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="42"/>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="50"/>
        <source>PDF report</source>
        <translation>Informe PDF</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="43"/>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="55"/>
        <source>PDF report for buyers</source>
        <translation>Informe PDF para compradores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/report/actions.py" line="51"/>
        <source>Select a campaign, or a survey of the cooperative to report on.</source>
        <translation>Seleccione una campaña, o una encuesta de la cooperativa del informe.</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="45"/>
        <source>Gross emissions</source>
        <translation>Emisiones brutas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="46"/>
        <source>Sequestration (crop photosynthesis)</source>
        <translation>Secuestro (fotosíntesis del cultivo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="47"/>
        <source>Net emissions</source>
        <translation>Emisiones netas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="97"/>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="98"/>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="100"/>
        <source>yr</source>
        <translation>año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="100"/>
        <source>kg per kg cocoa</source>
        <translation>kg por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/steps_dialog.py" line="43"/>
        <source>How was this computed?</source>
        <translation>¿Cómo se calculó?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="118"/>
        <source>How was this &amp;computed?</source>
        <translation>¿&amp;Cómo se calculó?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="121"/>
        <source>&amp;Presentation mode (large text)</source>
        <translation>Modo &amp;presentación (letra grande)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="125"/>
        <source>&amp;Save charts (PNG or SVG)…</source>
        <translation>&amp;Guardar gráficos (PNG o SVG)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="169"/>
        <location filename="../../cocoa_desktop/gui/wizard/steps_dialog.py" line="34"/>
        <source>Factor set: %1 — GWP %2</source>
        <translation>Conjunto de factores: %1 — PCG %2</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="176"/>
        <source>The survey is not complete yet: go back to the pages with messages.</source>
        <translation>La encuesta aún no está completa: vuelva a las páginas con mensajes.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/interval_line.py" line="66"/>
        <source>With its uncertainty: %1. What weighs most: %2.</source>
        <translation>Con su incertidumbre: %1. Lo que más pesa: %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="207"/>
        <source>What this unit could do</source>
        <translation>Lo que esta unidad podría hacer</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="231"/>
        <source>Net: %1 kg CO2e per kg of dry cocoa</source>
        <translation>Neto: %1 kg CO2e por kg de cacao seco</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="269"/>
        <source>Share of each stage (%)</source>
        <translation>Participación de cada etapa (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="270"/>
        <source>Emissions</source>
        <translation>Emisiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="270"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="270"/>
        <source>Net</source>
        <translation>Neto</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="271"/>
        <source>t CO2e per year</source>
        <translation>t CO2e por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="328"/>
        <source>stages</source>
        <translation>etapas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="328"/>
        <source>balance</source>
        <translation>balance</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="340"/>
        <source>footprint</source>
        <translation>huella</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="341"/>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="348"/>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="355"/>
        <source>Save charts</source>
        <translation>Guardar gráficos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="349"/>
        <source>Replace %1?</source>
        <translation>¿Reemplazar %1?</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="356"/>
        <source>The charts could not be saved: %1</source>
        <translation>No se pudieron guardar los gráficos: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/results_page.py" line="358"/>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/steps_dialog.py" line="19"/>
        <source>Data typed</source>
        <translation>Datos ingresados</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/steps_dialog.py" line="20"/>
        <source>Factors of the factor set</source>
        <translation>Factores del conjunto de factores</translation>
    </message>
</context>
<context>
    <name>sampling</name>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="56"/>
        <source>Producers in the cooperative (N)</source>
        <translation>Productores de la cooperativa (N)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="57"/>
        <source>Confidence (%)</source>
        <translation>Confianza (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="58"/>
        <source>Margin of error (%)</source>
        <translation>Margen de error (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="59"/>
        <source>Expected proportion P (%; 50 if unknown)</source>
        <translation>Proporción esperada P (%; 50 si no se sabe)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="60"/>
        <source>Draw seed (write it down to repeat the draw)</source>
        <translation>Semilla del sorteo (anótela para repetir el sorteo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="73"/>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="113"/>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="117"/>
        <source>District (stratum)</source>
        <translation>Distrito (estrato)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="74"/>
        <source>Producers</source>
        <translation>Productores</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="82"/>
        <source>Add district</source>
        <translation>Agregar distrito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="83"/>
        <source>Remove district</source>
        <translation>Quitar distrito</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="84"/>
        <source>APROCAM districts (example)</source>
        <translation>Distritos de APROCAM (ejemplo)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="85"/>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="153"/>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="158"/>
        <source>Producer list (CSV)…</source>
        <translation>Lista de productores (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="95"/>
        <source>Calculate</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="98"/>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="249"/>
        <source>Save the visit list (CSV)…</source>
        <translation>Guardar la lista de visitas (CSV)…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="118"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="118"/>
        <source>Producer</source>
        <translation>Productor</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="119"/>
        <source>Visit</source>
        <translation>Visita</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="183"/>
        <source>District “%1”: “%2” is not a whole number</source>
        <translation>Distrito «%1»: «%2» no es un número entero</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="202"/>
        <source>Enter the population, the confidence and the error.</source>
        <translation>Indique la población, la confianza y el error.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="205"/>
        <source>The districts add up to 1 producer, not %2.</source>
        <translation>Los distritos suman 1 productor, no %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="206"/>
        <source>The districts add up to %1 producers, not %2.</source>
        <translation>Los distritos suman %1 productores, no %2.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="224"/>
        <source>Survey 1 producer (n = %2, Z = %3, confidence %4)</source>
        <translation>Encuestar a 1 productor (n = %2, Z = %3, confianza %4)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="225"/>
        <source>Survey %1 producers (n = %2, Z = %3, confidence %4)</source>
        <translation>Encuestar a %1 productores (n = %2, Z = %3, confianza %4)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="236"/>
        <source>visit</source>
        <translation>visitar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/sampling_page.py" line="237"/>
        <source>replacement %1</source>
        <translation>reemplazo %1</translation>
    </message>
</context>
<context>
    <name>scenario</name>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="50"/>
        <source>Husk composted (%)</source>
        <translation>Cáscara compostada (%)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="51"/>
        <source>Jute sacks (% of the kg of bags)</source>
        <translation>Sacos de yute (% de los kg de envases)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="54"/>
        <source>Cooperative</source>
        <translation>Cooperativa</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="54"/>
        <source>Net t/yr before</source>
        <translation>Neto t/año antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="55"/>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="56"/>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="289"/>
        <source>after</source>
        <translation>después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="55"/>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="56"/>
        <source>kg/kg before</source>
        <translation>kg/kg antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="83"/>
        <source>The whole campaign</source>
        <translation>Toda la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="87"/>
        <source>Apply to</source>
        <translation>Aplicar a</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="94"/>
        <source>Yield (kg/ha, or a change such as +20 %)</source>
        <translation>Rendimiento (kg/ha, o un cambio como +20 %)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="96"/>
        <source>Area under agroforestry (ha)</source>
        <translation>Área agroforestal (ha)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="98"/>
        <source>Every transport leg by</source>
        <translation>Todos los tramos de transporte en</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="105"/>
        <source>Replace a fertiliser (same kg and N %)</source>
        <translation>Cambiar un abono (mismos kg y % de N)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="108"/>
        <source>Other changes (PATH=VALUE; …)</source>
        <translation>Otros cambios (RUTA=VALOR; …)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="110"/>
        <source>Scenario name</source>
        <translation>Nombre del escenario</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="112"/>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="113"/>
        <source>Save with the campaign</source>
        <translation>Guardar con la campaña</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="114"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="124"/>
        <source>Saved:</source>
        <translation>Guardados:</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="150"/>
        <source>Before and after</source>
        <translation>Antes y después</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="151"/>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="164"/>
        <source>Training data: scenarios saved here go when it is reset.</source>
        <translation>Datos de formación: los escenarios guardados aquí se borran al restablecerla.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="169"/>
        <source>unchanged</source>
        <translation>sin cambio</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="179"/>
        <source>(unchanged)</source>
        <translation>(sin cambio)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="213"/>
        <source>Type at least one change.</source>
        <translation>Escriba al menos un cambio.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="223"/>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="267"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="275"/>
        <source>Stages of the total (t CO2e/yr)</source>
        <translation>Etapas del total (t CO2e/año)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="287"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="288"/>
        <source>Net kg CO2e per kg of cocoa</source>
        <translation>kg CO2e netos por kg de cacao</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="289"/>
        <source>before</source>
        <translation>antes</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="302"/>
        <source>(choose)</source>
        <translation>(elija)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/decisions/scenario_editor.py" line="315"/>
        <source>Saved: %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="16"/>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="17"/>
        <source>Organisation, production and areas</source>
        <translation>Organización, producción y áreas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="18"/>
        <source>Husk management</source>
        <translation>Manejo de la cáscara</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="19"/>
        <source>Fertilisation, composting and pest control</source>
        <translation>Abonamiento, compostaje y control de plagas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="20"/>
        <source>Fermentation</source>
        <translation>Fermentación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="21"/>
        <source>Drying</source>
        <translation>Secado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="22"/>
        <source>Packaging</source>
        <translation>Envasado</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="23"/>
        <source>Transport</source>
        <translation>Transporte</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="24"/>
        <source>Sequestration</source>
        <translation>Secuestro</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="25"/>
        <source>Land-use change</source>
        <translation>Cambio de uso del suelo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="27"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="28"/>
        <source>Estimated values</source>
        <translation>Valores estimados</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="29"/>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="62"/>
        <source>%1, row %2: </source>
        <translation>%1, fila %2: </translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="86"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="86"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/field_names.py" line="92"/>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
</context>
<context>
    <name>submissions</name>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="34"/>
        <source>Phone submissions</source>
        <translation>Envíos de teléfonos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="39"/>
        <source>The campaign of each submission&apos;s year</source>
        <translation>La campaña del año de cada envío</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="45"/>
        <source>KoboToolbox or ODK Central export (*.xlsx *.zip)</source>
        <translation>Exportación de KoboToolbox u ODK Central (*.xlsx *.zip)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="62"/>
        <source>Store the surveys in the campaign (or type a new name):</source>
        <translation>Guardar las encuestas en la campaña (o escriba un nombre nuevo):</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="79"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="84"/>
        <source>Storing the surveys…</source>
        <translation>Guardando las encuestas…</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="90"/>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Importación cancelada: no se cambió nada.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="91"/>
        <source>A farm that was already surveyed in this campaign and came back different is marked “conflict to resolve”: select it and choose Survey → Resolve conflict.</source>
        <translation>Una finca ya encuestada en esta campaña que volvió con otros datos queda marcada «conflicto por resolver»: selecciónela y elija Encuesta → Resolver conflicto.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="97"/>
        <source>Refused submissions were not stored: correct them on the phone or in KoboToolbox / ODK Central, export again and import the file again (the others are recognised as identical).</source>
        <translation>Los envíos rechazados no se guardaron: corríjalos en el teléfono o en KoboToolbox / ODK Central, exporte de nuevo e importe otra vez el archivo (los demás se reconocen como idénticos).</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="105"/>
        <source>Importing phone submissions</source>
        <translation>Importando envíos de teléfonos</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/submissions.py" line="112"/>
        <source>Phone submissions imported</source>
        <translation>Envíos de teléfonos importados</translation>
    </message>
</context>
<context>
    <name>tables</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="78"/>
        <source>Areas by system and age</source>
        <translation>Áreas por sistema y edad</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="101"/>
        <source>Fertilisers and amendments</source>
        <translation>Abonos y enmiendas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="109"/>
        <source>Pesticides</source>
        <translation>Plaguicidas</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="114"/>
        <source>Fuel for brush-cutters and sprayers</source>
        <translation>Combustible de motoguadañas y fumigadoras</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="131"/>
        <source>Fuel for dryers</source>
        <translation>Combustible de secadoras</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="137"/>
        <source>Bags</source>
        <translation>Envases</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="147"/>
        <source>Transport legs</source>
        <translation>Tramos de transporte</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/specs.py" line="164"/>
        <source>Conversions</source>
        <translation>Conversiones</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="76"/>
        <source>Add row</source>
        <translation>Agregar fila</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="78"/>
        <source>Ctrl++ in the table does the same</source>
        <translation>Ctrl++ en la tabla hace lo mismo</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="79"/>
        <source>Remove row</source>
        <translation>Quitar fila</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="81"/>
        <source>Removes the row you are typing in (Ctrl+−)</source>
        <translation>Quita la fila en la que está escribiendo (Ctrl+−)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="158"/>
        <source>%1 (usual)</source>
        <translation>%1 (habitual)</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="281"/>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/item_table.py" line="282"/>
        <source>Row %1, “%2”: %3</source>
        <translation>Fila %1, «%2»: %3</translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="21"/>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="42"/>
        <source>Training campaign</source>
        <translation>Campaña de formación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="24"/>
        <source>Training campaign installed: 1 survey.</source>
        <translation>Campaña de formación instalada: 1 encuesta.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="25"/>
        <source>Training campaign installed: %1 surveys.</source>
        <translation>Campaña de formación instalada: %1 encuestas.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="33"/>
        <source>Reset the training campaign</source>
        <translation>Restablecer la campaña de formación</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="34"/>
        <source>Put the ten training cooperatives back as they were shipped? Every edit, every survey added and every scenario of the workshop in “%1” is deleted.</source>
        <translation>¿Dejar las diez cooperativas de formación como venían? Se borra cada cambio, cada encuesta añadida y cada escenario del taller en «%1».</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="44"/>
        <source>Training campaign reset: 1 survey as shipped.</source>
        <translation>Campaña de formación restablecida: 1 encuesta como venía.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/actions/training.py" line="45"/>
        <source>Training campaign reset: %1 surveys as shipped.</source>
        <translation>Campaña de formación restablecida: %1 encuestas como venían.</translation>
    </message>
</context>
<context>
    <name>units</name>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="302"/>
        <source>kg/yr</source>
        <translation>kg/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="304"/>
        <source>l/yr</source>
        <translation>l/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="305"/>
        <source>per ha</source>
        <translation>por ha</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="302"/>
        <source>ha</source>
        <translation>ha</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="302"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="303"/>
        <source>kg/kg</source>
        <translation>kg/kg</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="303"/>
        <source>% N</source>
        <translation>% N</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="304"/>
        <source>kWh/yr</source>
        <translation>kWh/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="304"/>
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="306"/>
        <source>per yr</source>
        <translation>por año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="306"/>
        <source>kg a.i./yr</source>
        <translation>kg i.a./año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="307"/>
        <source>l or kg/yr</source>
        <translation>l o kg/año</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="307"/>
        <source>kg/trip</source>
        <translation>kg/viaje</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/fields.py" line="305"/>
        <source>kg/ha</source>
        <translation>kg/ha</translation>
    </message>
</context>
<context>
    <name>wizard</name>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="65"/>
        <source>Help</source>
        <translation>Ayuda</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="72"/>
        <source>Show the survey in the other language</source>
        <translation>Mostrar la encuesta en el otro idioma</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="83"/>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="191"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="85"/>
        <source>Close the survey: everything typed is kept, reopen it to go on</source>
        <translation>Cerrar la encuesta: todo lo escrito se conserva; ábrala otra vez para continuar</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="92"/>
        <source>Page %1 of %2: %3</source>
        <translation>Página %1 de %2: %3</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="95"/>
        <source>Carbon footprint survey</source>
        <translation>Encuesta de huella de carbono</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="98"/>
        <source>read only, nothing is saved</source>
        <translation>solo lectura, no se guarda nada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="183"/>
        <source>Close the survey</source>
        <translation>Cerrar la encuesta</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="184"/>
        <source>Close the survey? Nothing is lost: every page was saved when you left it, and this page is saved now. Open the survey again from the main window to go on where you stopped.</source>
        <translation>¿Cerrar la encuesta? No se pierde nada: cada página se guardó al dejarla y esta página se guarda ahora. Abra la encuesta otra vez desde la ventana principal para seguir donde se quedó.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="188"/>
        <source>Close the survey? The data folder is read-only: nothing typed in this visit could be saved.</source>
        <translation>¿Cerrar la encuesta? La carpeta de datos es de solo lectura: no se pudo guardar nada de lo escrito en esta visita.</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="192"/>
        <source>Keep working</source>
        <translation>Seguir trabajando</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="216"/>
        <source>Survey not found</source>
        <translation>Encuesta no encontrada</translation>
    </message>
    <message>
        <location filename="../../cocoa_desktop/gui/wizard/wizard.py" line="219"/>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
</context>
</TS>

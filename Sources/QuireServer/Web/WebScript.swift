import NotebookRendering

/// /assets/quire.js, the only script the pages run: the renderer's frame sizing, highlighting and
/// math once their libraries loaded, and the run page's live progress (server-sent events from
/// `/api/v1/runs/{id}/events`).
///
/// Live view: `cell_started` highlights the cell, `output` appends a safe rendering of the output
/// to its cell (see `outputs`), a timer ticks the elapsed time, and when a cell finishes or the
/// run ends the run's fragment is fetched again and swapped in. Snapshots of the output notebook
/// lag the events (they are written at most every few seconds), so a cell's live outputs stay in
/// place of its rendered ones until the cell has finished and a snapshot shows its outputs; the
/// run's end swaps in the final rendering. The hub replays a run's past events to a late viewer,
/// so the live outputs of the running cell are complete and replace its partial rendering.
/// The renderer's script highlights the first load; swapped-in fragments are highlighted here.
enum WebScript {
    static let source = NotebookRenderer.pageScriptText + "\n(function(){\n\"use strict\";\n" + outputs + live + "})();\n"

    static let live = #"""
    var FINAL=["succeeded","failed","timed_out","cancelled"];
    function decorate(root,highlight){
      if(highlight&&window.hljs){root.querySelectorAll("pre code").forEach(function(b){if(!b.dataset.highlighted){window.hljs.highlightElement?window.hljs.highlightElement(b):window.hljs.highlightBlock(b);b.dataset.highlighted="yes";}});}
      if(window.renderMathInElement){root.querySelectorAll(".quire-notebook").forEach(function(n){window.renderMathInElement(n,{delimiters:[{left:"$$",right:"$$",display:true},{left:"\\[",right:"\\]",display:true},{left:"$",right:"$",display:false},{left:"\\(",right:"\\)",display:false}],throwOnError:false});});}
    }
    function elapsedText(ms){var s=Math.max(0,Math.floor(ms/1000));return (s<60?s+" s":Math.floor(s/60)+" min "+(s%60)+" s")+" elapsed";}
    function live(){
      var box=document.getElementById("run-live");
      if(!box)return;
      var id=box.getAttribute("data-run"),status=document.getElementById("run-status"),bar=document.getElementById("run-progress"),
          step=document.getElementById("run-step"),elapsed=document.getElementById("run-elapsed"),detail=document.getElementById("run-detail");
      var started=Number(box.getAttribute("data-started"))||0,current=null,loading=false,again=false,timer=null,ended=false;
      var liveBoxes={},done={};
      function setStatus(s){status.textContent=s;status.className="badge status-"+s;box.setAttribute("data-status",s);}
      function tick(){if(started){elapsed.textContent=elapsedText(Date.now()-started);}}
      function cell(i){return document.getElementById("cell-"+i);}
      function rendered(c){return Array.prototype.filter.call(c.children,function(n){return n.classList.contains("outputs")&&!n.classList.contains("live-outputs");});}
      // Puts cell i's live outputs in the page in place of its (partial) rendered ones.
      function attach(i){
        var c=cell(i),lb=liveBoxes[i];
        if(!c||!lb||lb.parentNode===c)return;
        rendered(c).forEach(function(n){n.hidden=true;});
        c.appendChild(lb);
      }
      function swapped(){
        decorate(detail,true);
        Object.keys(liveBoxes).forEach(function(i){
          var c=cell(i);
          if(ended||(done[i]&&c&&rendered(c).length)){delete liveBoxes[i];}else{attach(i);}
        });
        if(current!==null){mark(current);}
      }
      function refresh(){
        if(loading){again=true;return;}
        loading=true;
        fetch("/runs/"+encodeURIComponent(id)+"/fragment",{credentials:"same-origin"}).then(function(r){return r.ok?r.text():null;}).then(function(html){
          if(html!==null){detail.innerHTML=html;swapped();}
        }).catch(function(){}).then(function(){loading=false;if(again){again=false;refresh();}});
      }
      function mark(i){
        document.querySelectorAll(".cell.current-cell").forEach(function(c){c.classList.remove("current-cell");});
        var c=cell(i);if(c){c.classList.add("current-cell");c.setAttribute("aria-current","step");}
      }
      if(FINAL.indexOf(box.getAttribute("data-status"))>=0)return;
      tick();
      timer=setInterval(tick,1000);
      var es=new EventSource("/api/v1/runs/"+encodeURIComponent(id)+"/events");
      es.addEventListener("status",function(e){var d=JSON.parse(e.data);setStatus(d.status);if(d.status==="running"&&!started){started=Date.now();tick();}});
      es.addEventListener("cell_started",function(e){var d=JSON.parse(e.data);setStatus("running");if(!started){started=Date.now();tick();}
        bar.max=d.total;step.textContent="cell "+(d.cell+1)+" of "+d.total;current=d.cell;
        // The page may predate the first snapshot of the output notebook: fetch it to have cells to mark.
        if(cell(d.cell)){mark(d.cell);}else{refresh();}});
      es.addEventListener("output",function(e){var d=JSON.parse(e.data),i=d.cell;
        if(!liveBoxes[i]){liveBoxes[i]=document.createElement("div");liveBoxes[i].className="outputs live-outputs";liveBoxes[i].setAttribute("aria-live","polite");}
        liveBoxes[i].appendChild(liveOutput(d.output,refresh));attach(i);});
      es.addEventListener("cell_finished",function(e){var d=JSON.parse(e.data);done[d.cell]=true;bar.max=d.total;bar.value=d.cell+1;refresh();});
      es.addEventListener("finished",function(e){var d=JSON.parse(e.data);es.close();clearInterval(timer);tick();setStatus(d.status);ended=true;
        bar.value=bar.max;step.textContent="finished";current=null;
        document.querySelectorAll(".cell.current-cell").forEach(function(c){c.classList.remove("current-cell");c.removeAttribute("aria-current");});refresh();});
    }
    addEventListener("DOMContentLoaded",function(){decorate(document,false);live();});
    """#
}
